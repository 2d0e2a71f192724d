import { Controller, Get, Query } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { invalidInput } from '@prystan/contract';
import { ContactLogRepository, SupervisionRepository } from '@prystan/persistence';
import { Roles } from '../accounts/decorators';

class DayQuery {
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be YYYY-MM-DD' }) day?: string;
}

/** What the duty managers' board needs beyond `queue:status`. */
@Controller('api/board')
@Roles('manager', 'admin')
export class BoardController {
  constructor(private readonly supervision: SupervisionRepository, private readonly contactLog: ContactLogRepository) {}

  /** Staff on duty (not offline), with their load and since when. */
  @Get('on-duty')
  async onDuty() {
    return this.supervision.onDuty();
  }

  /** Contacts per hour and wait band for one day, from the anonymised log only. */
  @Get('waits')
  async waits(@Query() query: DayQuery) {
    const day = query.day ?? new Date().toISOString().slice(0, 10);
    const start = new Date(`${day}T00:00:00.000Z`);
    if (Number.isNaN(start.getTime())) throw invalidInput('day is not a real date');
    const rows = await this.contactLog.waitsByHour(start);
    return { day, hours: rows.map((r) => ({ hour: new Date(r.hour).toISOString(), waitBand: r.waitBand, contacts: r.contacts })) };
  }
}
