import { Controller, Get, Query } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { invalidInput } from '@prystan/contract';
import { Db } from '@prystan/persistence';
import { Roles } from '../auth/decorators';

class DayQuery {
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be YYYY-MM-DD' }) day?: string;
}

/** What the duty managers' board needs beyond `queue:status`. */
@Controller('api/board')
@Roles('manager', 'admin')
export class BoardController {
  constructor(private readonly db: Db) {}

  /** Staff on duty (not offline), with their load and since when. */
  @Get('on-duty')
  async onDuty() {
    return this.db.rows(
      `SELECT s.id, s.name, s.role, s.languages, s.presence, s.presence_since AS "since", s.max_chats AS "maxChats",
         (SELECT count(*)::int FROM chat_session c WHERE c.counsellor_id = s.id AND c.state = 'active') AS "activeChats",
         (SELECT count(*)::int FROM chat_session c WHERE c.counsellor_id = s.id AND c.state = 'offered') AS "offers"
       FROM staff s WHERE NOT s.disabled AND s.presence <> 'offline' ORDER BY s.presence, s.name`,
    );
  }

  /** Contacts per hour and wait band for one day, from the anonymised log only. */
  @Get('waits')
  async waits(@Query() query: DayQuery) {
    const day = query.day ?? new Date().toISOString().slice(0, 10);
    const start = new Date(`${day}T00:00:00.000Z`);
    if (Number.isNaN(start.getTime())) throw invalidInput('day is not a real date');
    const rows = await this.db.rows<{ hour: Date; waitBand: string; n: number }>(
      `SELECT hour, wait_band AS "waitBand", count(*)::int AS n FROM contact_log
       WHERE hour >= $1 AND hour < $1::timestamptz + interval '1 day' GROUP BY hour, wait_band ORDER BY hour`,
      [start],
    );
    return { day, hours: rows.map((r) => ({ hour: new Date(r.hour).toISOString(), waitBand: r.waitBand, contacts: r.n })) };
  }
}
