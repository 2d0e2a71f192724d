import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IsOptional, Matches } from 'class-validator';
import { suppress, suppressAll } from '@prystan/anonymised-log';
import { CONFIG, type Config } from '@prystan/config';
import { invalidInput, LANGUAGES, SERVICE_KINDS } from '@prystan/contract';
import { ContactLogRepository } from '@prystan/persistence';
import { Roles } from '../auth/decorators';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

class StatsQuery {
  @IsOptional() @Matches(DAY, { message: 'from must be YYYY-MM-DD' }) from?: string;
  @IsOptional() @Matches(DAY, { message: 'to must be YYYY-MM-DD' }) to?: string;
}

function parseDay(value: string, name: string): Date {
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw invalidInput(`${name} is not a real date`);
  return date;
}

/** Aggregates of the anonymised log, both days inclusive (UTC), with small cells suppressed. */
@Controller('api/stats')
export class StatsController {
  constructor(private readonly log: ContactLogRepository, @Inject(CONFIG) private readonly config: Config) {}

  @Get()
  @Roles('manager', 'admin')
  stats(@Query() query: StatsQuery) {
    return this.aggregate(query);
  }

  /** extension: the same suppressed figures as CSV (one row per language and a total). */
  @Get('csv')
  @Roles('manager', 'admin')
  async csv(@Query() query: StatsQuery, @Res() res: Response) {
    const s = await this.aggregate(query);
    const cell = (n: number | null) => (n === null ? `<${s.minCell}` : String(n));
    const rows = [['language', 'contacts', 'answered', 'abandoned', 'escalated'],
      ...Object.entries(s.byLanguage).map(([l, r]) => [l, cell(r.contacts), cell(r.answered), cell(r.abandoned), cell(r.escalated)]),
      ['total', cell(s.totals.contacts), cell(s.totals.answered), cell(s.totals.abandoned), cell(s.totals.escalated)]];
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="prystan-${s.from}-${s.to}.csv"`, 'Cache-Control': 'no-store' })
      .send(`# Prystan anonymised contacts ${s.from} to ${s.to} (UTC); counts below ${s.minCell} suppressed\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  }

  private async aggregate(query: StatsQuery) {
    const today = new Date().toISOString().slice(0, 10);
    const fromText = query.from ?? today;
    const toText = query.to ?? fromText;
    const from = parseDay(fromText, 'from');
    const to = parseDay(toText, 'to');
    if (to < from) throw invalidInput('to must not be before from');
    if (to.getTime() - from.getTime() > 366 * 86_400_000) throw invalidInput('the range can be at most a year');
    const toExclusive = new Date(to.getTime() + 86_400_000);
    const [rows, kinds] = await Promise.all([this.log.countsByLanguage(from, toExclusive), this.log.countsByEscalationKind(from, toExclusive)]);
    const zero = { contacts: 0, answered: 0, abandoned: 0, escalated: 0 };
    const byLanguageRaw = Object.fromEntries(LANGUAGES.map((l) => {
      const row = rows.find((r) => r.language === l);
      return [l, row ? { contacts: row.contacts, answered: row.answered, abandoned: row.abandoned, escalated: row.escalated } : { ...zero }];
    })) as Record<string, typeof zero>;
    const totals = Object.values(byLanguageRaw).reduce((t, r) => ({
      contacts: t.contacts + r.contacts, answered: t.answered + r.answered, abandoned: t.abandoned + r.abandoned, escalated: t.escalated + r.escalated,
    }), { ...zero });
    const minCell = this.config.STATS_MIN_CELL;
    return {
      from: fromText,
      to: toText,
      minCell,
      totals: suppressAll(totals, minCell),
      byLanguage: Object.fromEntries(Object.entries(byLanguageRaw).map(([l, r]) => [l, suppressAll(r, minCell)])),
      // extension: escalated contacts per kind of service, from the anonymised log's escalation_kinds
      escalationsByKind: Object.fromEntries(SERVICE_KINDS.map((k) => [k, suppress(kinds.find((r) => r.kind === k)?.contacts ?? 0, minCell)])),
    };
  }
}
