import { Controller, Get, Query } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from '@prystan/contract';
import { AuditRepository, type AuditEntryRow } from '@prystan/persistence';
import { Roles } from '../accounts/decorators';

class AuditQuery {
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)) @IsInt() @Min(1) @Max(500) limit?: number;
  @IsOptional() @IsIn(AUDIT_ACTIONS, { message: 'action must be one of the audited actions' }) action?: AuditAction;
  /** a staff member's id */
  @IsOptional() @IsUUID('all', { message: 'actor must be a staff id' }) actor?: string;
}

/** An entry as admins read it: names (never e-mails), codes, no survivor's words. Empty parts are left out. */
export const auditEntryView = (e: AuditEntryRow) => ({
  at: new Date(e.at).toISOString(),
  actor: e.actor,
  action: e.action,
  ...(e.target ? { target: e.target } : {}),
  ...(e.sessionId ? { sessionId: e.sessionId } : {}),
  ...(e.detail.length ? { detail: e.detail } : {}),
});

/** Admins read who signed in, changed accounts, the directory or quick replies, exported figures, or followed and moved chats. */
@Controller('api/admin/audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  async list(@Query() query: AuditQuery) {
    return (await this.audit.list({ limit: query.limit ?? 100, action: query.action, actorId: query.actor })).map(auditEntryView);
  }
}
