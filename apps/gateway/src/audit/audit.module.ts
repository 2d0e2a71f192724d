import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** The audit trail of staff access to sessions and of every admin action, for admins to read. */
@Module({ controllers: [AuditController] })
export class AuditModule {}
