import { Controller, Get, Query } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '../auth/decorators';
import { SupervisionRepository } from './supervision.repository';

class AuditQuery {
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)) @IsInt() @Min(1) @Max(500) limit?: number;
}

/** Admins read who monitored, transferred or reassigned which session, and when. */
@Controller('api/admin/audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly supervision: SupervisionRepository) {}

  @Get()
  async list(@Query() query: AuditQuery) {
    return (await this.supervision.audit(query.limit ?? 100)).map((a) => ({ ...a, at: new Date(a.at).toISOString() }));
  }
}
