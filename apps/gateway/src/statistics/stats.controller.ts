import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IsOptional, Matches } from 'class-validator';
import { publishStats, STATS_MEASURES, type Figures } from '@prystan/anonymised-log';
import { CONFIG, type Config } from '@prystan/config';
import { invalidInput, LANGUAGES, SERVICE_KINDS } from '@prystan/contract';
import { AuditRepository, ContactLogRepository, type StaffRecord } from '@prystan/persistence';
import { CurrentStaff, Roles } from '../accounts/decorators';

/** How the CSV writes a hidden figure (the console shows the same mark). */
const HIDDEN_MARK = '*';

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
  constructor(private readonly log: ContactLogRepository, private readonly audit: AuditRepository, @Inject(CONFIG) private readonly config: Config) {}

  @Get()
  @Roles('manager', 'admin')
  async stats(@Query() query: StatsQuery, @CurrentStaff() me: StaffRecord) {
    const figures = await this.aggregate(query);
    // the JSON is the same export as the CSV (a manager can save either), so both are audited
    await this.audit.record(me.id, 'stats.exported', { detail: ['json', figures.from, figures.to] });
    return figures;
  }

  /** extension: the same figures as CSV (one row per language and a total), hidden where the answer hides them. */
  @Get('csv')
  @Roles('manager', 'admin')
  async csv(@Query() query: StatsQuery, @Res() res: Response, @CurrentStaff() me: StaffRecord) {
    const s = await this.aggregate(query);
    await this.audit.record(me.id, 'stats.exported', { detail: ['csv', s.from, s.to] });
    // every hidden figure gets the same mark, whatever the reason it is hidden (see docs/protocol.md)
    const cell = (n: number | null) => (n === null ? HIDDEN_MARK : String(n));
    const line = (label: string, f: Figures<number | null>) => [label, ...STATS_MEASURES.map((m) => cell(f[m]))];
    const rows = [['language', ...STATS_MEASURES], ...Object.entries(s.byLanguage).map(([l, f]) => line(l, f)), line('total', s.totals)];
    const note = `# Prystan anonymised contacts ${s.from} to ${s.to} (UTC); ${HIDDEN_MARK} = hidden to protect people: a count from 1 to ${s.minCell - 1}, or a figure that would let one be worked out`;
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="prystan-${s.from}-${s.to}.csv"`, 'Cache-Control': 'no-store' })
      .send(`${note}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
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
    const zero: Figures<number> = { contacts: 0, answered: 0, abandoned: 0, escalated: 0 };
    const byLanguage = Object.fromEntries(LANGUAGES.map((l) => {
      const row = rows.find((r) => r.language === l);
      return [l, row ? { contacts: row.contacts, answered: row.answered, abandoned: row.abandoned, escalated: row.escalated } : { ...zero }];
    }));
    // extension: escalated contacts per kind of service, from the anonymised log's escalation_kinds
    const escalationsByKind = Object.fromEntries(SERVICE_KINDS.map((k) => [k, kinds.find((r) => r.kind === k)?.contacts ?? 0]));
    const minCell = this.config.STATS_MIN_CELL;
    // the one path to publication: primary and complementary suppression over the whole answer
    const { totals, byLanguage: shown, escalationsByKind: shownKinds } = publishStats({ byLanguage, escalationsByKind }, minCell);
    return { from: fromText, to: toText, minCell, totals, byLanguage: shown, escalationsByKind: shownKinds };
  }
}
