import type { Language, Presence, RiskSignal, Role, Triage } from '@prystan/contract';
import type { Db, Sql } from '../db';
import { STAFF_LOAD_JOIN } from './staff-load';

export interface HandoverTarget { id: string; name: string; languages: Language[]; presence: string; disabled: boolean; maxChats: number; load: number }

/** A live session as the duty managers' board lists it: codes and times, never text. */
export interface LiveSessionRow {
  sessionId: string; language: Language; state: 'waiting' | 'offered' | 'active'; priority: number; riskFlags: string[]; triage: Triage;
  waitedSeconds: number; counsellorId: string | null; counsellorName: string | null; assignedAt: Date | null; survivorConnected: boolean;
}

/** One of a counsellor's own chats or offers, for restoring the console after a reload or a new sign-in. */
export interface OwnSessionRow {
  sessionId: string; language: Language; state: 'offered' | 'active' | 'ended'; triage: Triage; riskFlags: string[]; riskSignals: RiskSignal[];
  assignedAt: Date | null; endedBy: string | null; quickExit: boolean; survivorConnected: boolean; waitedSeconds: number; expiresInSeconds: number | null;
}

export interface ColleagueRow { id: string; name: string; languages: Language[]; load: number; maxChats: number }

/** A staff member on duty as the board shows them: their chats and the offers they hold. */
export interface OnDutyRow {
  id: string; name: string; role: Role; languages: Language[]; presence: Presence; since: Date; maxChats: number; activeChats: number; offers: number;
}

/** The SQL behind supervision: live lists and hand-over targets (the audit trail is AuditRepository's). */
export class SupervisionRepository {
  constructor(private readonly db: Db) {}

  /** A staff member who might take a chat, with their current load (read under the routing lock). */
  async target(staffId: string, sql: Sql = this.db): Promise<HandoverTarget | undefined> {
    return sql.one<HandoverTarget>(
      `SELECT s.id, s.name, s.languages, s.presence, s.disabled, s.max_chats AS "maxChats", staff_load.load
       FROM staff s ${STAFF_LOAD_JOIN} WHERE s.id = $1`,
      [staffId],
    );
  }

  async live(): Promise<LiveSessionRow[]> {
    return this.db.rows<LiveSessionRow>(
      `SELECT c.id AS "sessionId", c.language, c.state, c.priority, c.risk_flags AS "riskFlags", c.triage,
         floor(extract(epoch FROM now() - c.created_at))::int AS "waitedSeconds", c.counsellor_id AS "counsellorId", s.name AS "counsellorName",
         c.assigned_at AS "assignedAt", (c.survivor_disconnected_at IS NULL) AS "survivorConnected"
       FROM chat_session c LEFT JOIN staff s ON s.id = c.counsellor_id
       WHERE c.state IN ('waiting', 'offered', 'active')
       ORDER BY (c.state = 'active'), c.priority, c.enqueued_at`,
    );
  }

  /** Staff not offline, with their chats and offers and since when, for the duty board. */
  async onDuty(): Promise<OnDutyRow[]> {
    return this.db.rows<OnDutyRow>(
      `SELECT s.id, s.name, s.role, s.languages, s.presence, s.presence_since AS "since", s.max_chats AS "maxChats",
         staff_load.active AS "activeChats", staff_load.offered AS "offers"
       FROM staff s ${STAFF_LOAD_JOIN} WHERE NOT s.disabled AND s.presence <> 'offline' ORDER BY s.presence, s.name`,
    );
  }

  /** Offers held, active chats, and chats that ended but still need their closing form. */
  async own(staffId: string): Promise<OwnSessionRow[]> {
    return this.db.rows<OwnSessionRow>(
      `SELECT id AS "sessionId", language, state, triage, risk_flags AS "riskFlags", risk_signals AS "riskSignals", assigned_at AS "assignedAt", ended_by AS "endedBy",
         quick_exit AS "quickExit", (survivor_disconnected_at IS NULL) AS "survivorConnected",
         floor(extract(epoch FROM now() - created_at))::int AS "waitedSeconds",
         CASE WHEN state = 'offered' THEN GREATEST(1, ceil(extract(epoch FROM offer_expires_at - now())))::int END AS "expiresInSeconds"
       FROM chat_session
       WHERE counsellor_id = $1 AND (state IN ('offered', 'active') OR (state = 'ended' AND answered AND outcome IS NULL AND logged_at IS NULL))
       ORDER BY assigned_at NULLS LAST`,
      [staffId],
    );
  }

  /** Colleagues set available who speak the language and have room for one more chat. */
  async colleaguesWithRoom(language: Language, exceptId: string): Promise<ColleagueRow[]> {
    return this.db.rows<ColleagueRow>(
      `SELECT s.id, s.name, s.languages, s.max_chats AS "maxChats", staff_load.load
       FROM staff s ${STAFF_LOAD_JOIN}
       WHERE s.presence = 'available' AND NOT s.disabled AND $1 = ANY(s.languages) AND s.id <> $2 AND staff_load.load < s.max_chats
       ORDER BY staff_load.load, s.name`,
      [language, exceptId],
    );
  }

  async counsellorName(staffId: string | null): Promise<string | null> {
    if (!staffId) return null;
    return (await this.db.one<{ name: string }>(`SELECT name FROM staff WHERE id = $1`, [staffId]))?.name ?? null;
  }
}
