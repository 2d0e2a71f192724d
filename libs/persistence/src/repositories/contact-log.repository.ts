import type { ContactLogEntry } from '@prystan/anonymised-log';
import type { Db, Sql } from '../db';

/** What the anonymiser writes is what this table stores. */
export type ContactLogInput = ContactLogEntry;

export interface WaitBandRow { hour: Date; waitBand: string; contacts: number }

export interface CountRow { language: string; contacts: number; answered: number; abandoned: number; escalated: number }

/** The anonymised contact log: written once per contact, read only as aggregates. */
export class ContactLogRepository {
  constructor(private readonly db: Db) {}

  async insert(entry: ContactLogInput, sql: Sql = this.db): Promise<void> {
    await sql.rows(
      `INSERT INTO contact_log (hour, language, answered, abandoned, wait_band, duration_band, outcome, risk_level, categories,
         escalation_kinds, for_whom, age_group, immediate_danger, risk_flagged, ended_by, quick_exit)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [entry.hour, entry.language, entry.answered, entry.abandoned, entry.waitBand, entry.durationBand, entry.outcome, entry.riskLevel,
        entry.categories, entry.escalationKinds, entry.forWhom, entry.ageGroup, entry.immediateDanger, entry.riskFlagged, entry.endedBy, entry.quickExit],
    );
  }

  /** Counts per language for contacts whose hour falls in [from, to) (UTC). */
  async countsByLanguage(from: Date, toExclusive: Date): Promise<CountRow[]> {
    return this.db.rows<CountRow>(
      `SELECT language, count(*)::int AS contacts, count(*) FILTER (WHERE answered)::int AS answered,
         count(*) FILTER (WHERE abandoned)::int AS abandoned,
         count(*) FILTER (WHERE cardinality(escalation_kinds) > 0 OR outcome = 'escalated')::int AS escalated
       FROM contact_log WHERE hour >= $1 AND hour < $2 GROUP BY language`,
      [from, toExclusive],
    );
  }

  /** Contacts per escalation kind (a contact escalated to two kinds counts once in each) whose hour falls in [from, to). */
  async countsByEscalationKind(from: Date, toExclusive: Date): Promise<{ kind: string; contacts: number }[]> {
    return this.db.rows(
      `SELECT k.kind, count(*)::int AS contacts
       FROM contact_log c CROSS JOIN LATERAL (SELECT DISTINCT unnest(c.escalation_kinds) AS kind) k
       WHERE c.hour >= $1 AND c.hour < $2 GROUP BY k.kind`,
      [from, toExclusive],
    );
  }

  /** Contacts per hour and wait band over the day that starts at `dayStart` (UTC), for the duty board. */
  async waitsByHour(dayStart: Date): Promise<WaitBandRow[]> {
    return this.db.rows<WaitBandRow>(
      `SELECT hour, wait_band AS "waitBand", count(*)::int AS contacts FROM contact_log
       WHERE hour >= $1 AND hour < $1::timestamptz + interval '1 day' GROUP BY hour, wait_band ORDER BY hour`,
      [dayStart],
    );
  }
}
