import type { EndedSession } from '@prystan/anonymised-log';
import type { EndedBy, Language, RiskSignal, Triage } from '@prystan/contract';
import type { Db, Sql } from '../db';
import { lineFiguresSql, lineStanding, placeSql, type LineStanding } from './line-sql';
import { SESSION_COLUMNS, type SessionRecord } from './session.types';

/** The lifecycle of a survivor's session, as conditional updates: a late or repeated call changes nothing. */
export class SessionRepository {
  constructor(private readonly db: Db) {}

  /**
   * A new session in the line, and its standing there (place and the line's figures), in one
   * statement: an arrival in a flood costs one round trip here. The count cannot see the new
   * row itself (one snapshot), so it counts exactly the sessions ahead.
   */
  async create(input: { id: string; language: Language; priority: number; triage: Triage; resumeTokenHash: Buffer; socketId: string }): Promise<{ session: SessionRecord; standing: LineStanding }> {
    const row = (await this.db.one<SessionRecord & LineStanding>(
      `WITH arrival AS (
         INSERT INTO chat_session (id, language, state, priority, triage, resume_token_hash, survivor_socket)
         VALUES ($1, $2, 'waiting', $3, $4, $5, $6) RETURNING *)
       SELECT ${SESSION_COLUMNS}, ${placeSql('arrival')} AS place, f.*
       FROM arrival, (${lineFiguresSql('$2')}) f`,
      [input.id, input.language, input.priority, JSON.stringify(input.triage), input.resumeTokenHash, input.socketId],
    ))!;
    const { place, freeSlots, totalSlots, medianHandleSeconds, ...session } = row;
    return { session, standing: lineStanding({ place, freeSlots, totalSlots, medianHandleSeconds }) };
  }

  async findById(id: string, sql: Sql = this.db): Promise<SessionRecord | undefined> {
    return sql.one<SessionRecord>(`SELECT ${SESSION_COLUMNS} FROM chat_session WHERE id = $1`, [id]);
  }

  /**
   * Moves the session from one resume token to the next in one conditional update: of two resumes
   * with the same token exactly one finds it, and the old token opens nothing from then on.
   */
  async rotateResumeToken(oldHash: Buffer, newHash: Buffer): Promise<SessionRecord | undefined> {
    return this.db.one<SessionRecord>(
      `UPDATE chat_session SET resume_token_hash = $2 WHERE resume_token_hash = $1 RETURNING ${SESSION_COLUMNS}`,
      [oldHash, newHash],
    );
  }

  /** The survivor's socket now holds the session; returns the session as it is at that moment. */
  async attachSurvivor(id: string, socketId: string): Promise<SessionRecord | undefined> {
    return this.db.one<SessionRecord>(
      `UPDATE chat_session SET survivor_socket = $2, survivor_disconnected_at = NULL WHERE id = $1 RETURNING ${SESSION_COLUMNS}`,
      [id, socketId],
    );
  }

  /** Only the socket that currently holds the session marks it disconnected. */
  async detachSurvivor(id: string, socketId: string): Promise<SessionRecord | undefined> {
    return this.db.one<SessionRecord>(
      `UPDATE chat_session SET survivor_disconnected_at = now()
       WHERE id = $1 AND survivor_socket = $2 AND state <> 'ended' RETURNING ${SESSION_COLUMNS}`,
      [id, socketId],
    );
  }

  /** Ends a live session; `undefined` when it had already ended. Returns the state it left. */
  async end(id: string, by: EndedBy, quickExit = false, sql: Sql = this.db): Promise<(SessionRecord & { previousState: string }) | undefined> {
    return sql.one(
      `WITH before AS (SELECT id AS before_id, state AS before_state FROM chat_session WHERE id = $1 AND state <> 'ended' FOR UPDATE)
       UPDATE chat_session SET state = 'ended', ended_at = now(), ended_by = $2, quick_exit = $3, offer_expires_at = NULL
       FROM before WHERE id = before_id
       RETURNING before_state AS "previousState", ${SESSION_COLUMNS}`,
      [id, by, quickExit],
    );
  }

  async accept(id: string, staffId: string): Promise<SessionRecord | undefined> {
    return this.db.one<SessionRecord>(
      `UPDATE chat_session SET state = 'active', assigned_at = now(), answered = true, offer_expires_at = NULL
       WHERE id = $1 AND state = 'offered' AND counsellor_id = $2 RETURNING ${SESSION_COLUMNS}`,
      [id, staffId],
    );
  }

  /** Back to the line with its original place; the decliner is remembered for a while. */
  async decline(id: string, staffId: string): Promise<SessionRecord | undefined> {
    return this.db.one<SessionRecord>(
      `UPDATE chat_session SET state = 'waiting', counsellor_id = NULL, offer_expires_at = NULL,
         declined_by = array_append(declined_by, $2::uuid), last_declined_at = now()
       WHERE id = $1 AND state = 'offered' AND counsellor_id = $2 RETURNING ${SESSION_COLUMNS}`,
      [id, staffId],
    );
  }

  /** An offer that nobody answered: back to the line; returns the counsellor who held it. */
  async expireOffer(id: string, offerSeq: number): Promise<{ counsellorId: string; language: Language } | undefined> {
    return this.db.one(
      `WITH held AS (SELECT id AS held_id, counsellor_id AS held_by FROM chat_session WHERE id = $1 AND state = 'offered' AND offer_seq = $2 FOR UPDATE)
       UPDATE chat_session SET state = 'waiting', counsellor_id = NULL, offer_expires_at = NULL
       FROM held WHERE id = held_id RETURNING held_by AS "counsellorId", language`,
      [id, offerSeq],
    );
  }

  /**
   * Hands back every offer the counsellor holds (they went away or offline): the sessions
   * return to the line with their original place. The caller holds the routing lock.
   */
  async withdrawOffersFrom(staffId: string, sql: Sql = this.db): Promise<string[]> {
    const rows = await sql.rows<{ id: string }>(
      `UPDATE chat_session SET state = 'waiting', counsellor_id = NULL, offer_expires_at = NULL WHERE counsellor_id = $1 AND state = 'offered' RETURNING id`,
      [staffId],
    );
    return rows.map((r) => r.id);
  }

  /** The counsellor's closing form; allowed while active, or after the survivor left and before the log is written. */
  async recordClose(id: string, staffId: string, form: { outcome: string; riskLevel: string; categories: string[] }): Promise<SessionRecord | undefined> {
    return this.db.one<SessionRecord>(
      `UPDATE chat_session SET outcome = $3, risk_level = $4, categories = $5,
         state = 'ended', ended_at = COALESCE(ended_at, now()), ended_by = COALESCE(ended_by, 'counsellor')
       WHERE id = $1 AND counsellor_id = $2 AND answered AND logged_at IS NULL AND outcome IS NULL
         AND (state = 'active' OR state = 'ended')
       RETURNING ${SESSION_COLUMNS}`,
      [id, staffId, form.outcome, form.riskLevel, form.categories],
    );
  }

  /**
   * Hands an active chat on; the caller holds the routing lock and has checked the target's
   * room. To a counsellor it becomes an offer (accepted like any other, expiring after
   * `offerTimeoutSeconds`); without one it goes back to a line. Either way it keeps its
   * transcript and its place (the time it first arrived), ranks at least as a child's
   * session, and its previous counsellor is not offered it again at once.
   */
  async transferTo(
    id: string, fromStaffId: string, target: { staffId?: string; language?: Language }, offerTimeoutSeconds: number, sql: Sql = this.db,
  ): Promise<(SessionRecord & { waitedSeconds: number }) | undefined> {
    return sql.one(
      `UPDATE chat_session SET state = CASE WHEN $3::uuid IS NULL THEN 'waiting' ELSE 'offered' END, counsellor_id = $3::uuid,
         language = COALESCE($4, language), priority = LEAST(priority, 1), enqueued_at = created_at,
         offer_seq = offer_seq + 1, offer_expires_at = CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() + make_interval(secs => $5) END,
         declined_by = array_append(declined_by, $2::uuid), last_declined_at = now(), position_notified = NULL, estimate_notified = NULL
       WHERE id = $1 AND state = 'active' AND counsellor_id = $2
       RETURNING ${SESSION_COLUMNS}, floor(extract(epoch FROM now() - created_at))::int AS "waitedSeconds"`,
      [id, fromStaffId, target.staffId ?? null, target.language ?? null, offerTimeoutSeconds],
    );
  }

  /**
   * A duty manager moves a session that is still in the line (waiting, or offered to someone)
   * to a counsellor as an offer, or to another language's line. The caller holds the routing
   * lock. Returns who held it before, so their offer can be withdrawn.
   */
  async reassign(
    id: string, target: { staffId?: string; language?: Language }, offerTimeoutSeconds: number, sql: Sql = this.db,
  ): Promise<(SessionRecord & { previousCounsellorId: string | null; waitedSeconds: number }) | undefined> {
    return sql.one(
      `WITH before AS (SELECT id AS before_id, counsellor_id AS before_counsellor FROM chat_session WHERE id = $1 AND state IN ('waiting', 'offered') FOR UPDATE)
       UPDATE chat_session SET state = CASE WHEN $2::uuid IS NULL THEN 'waiting' ELSE 'offered' END, counsellor_id = $2::uuid,
         language = COALESCE($3, language), offer_seq = offer_seq + 1,
         offer_expires_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() + make_interval(secs => $4) END,
         position_notified = NULL, estimate_notified = NULL
       FROM before WHERE id = before_id
       RETURNING before_counsellor AS "previousCounsellorId", ${SESSION_COLUMNS}, floor(extract(epoch FROM now() - created_at))::int AS "waitedSeconds"`,
      [id, target.staffId ?? null, target.language ?? null, offerTimeoutSeconds],
    );
  }

  /**
   * Risk detection flagged a message. The signal is kept once per category and level (the first reason stays);
   * unless it is advisory, the session also rises to the first class and its category joins `risk_flags`.
   */
  async flag(id: string, signal: RiskSignal): Promise<SessionRecord | undefined> {
    return this.db.one<SessionRecord>(
      `UPDATE chat_session SET
         priority = CASE WHEN $4 THEN priority ELSE 0 END,
         risk_flags = CASE WHEN $4 OR $2 = ANY(risk_flags) THEN risk_flags ELSE array_append(risk_flags, $2) END,
         risk_signals = CASE WHEN risk_signals @> jsonb_build_array(jsonb_build_object('category', $2::text, 'advisory', $4::boolean)) THEN risk_signals
           ELSE risk_signals || jsonb_build_array(jsonb_build_object('category', $2::text, 'reason', $3::text, 'advisory', $4::boolean)) END
       WHERE id = $1 AND state <> 'ended' RETURNING ${SESSION_COLUMNS}`,
      [id, signal.category, signal.reason, signal.advisory],
    );
  }

  async activeForStaff(staffId: string): Promise<SessionRecord[]> {
    return this.db.rows<SessionRecord>(
      `SELECT ${SESSION_COLUMNS} FROM chat_session WHERE counsellor_id = $1 AND state IN ('offered', 'active') ORDER BY assigned_at NULLS LAST`,
      [staffId],
    );
  }

  /** What the anonymiser needs of an ended session, once its log entry is due. */
  async forAnonymisation(id: string): Promise<EndedSessionFacts | undefined> {
    return this.db.one<EndedSessionFacts>(
      `SELECT language, triage, risk_flags AS "riskFlags", answered, created_at AS "createdAt", assigned_at AS "assignedAt",
         ended_at AS "endedAt", ended_by AS "endedBy", quick_exit AS "quickExit", outcome, risk_level AS "riskLevel",
         categories, counsellor_id AS "counsellorId"
       FROM chat_session WHERE id = $1 AND state = 'ended' AND logged_at IS NULL`,
      [id],
    );
  }

  /** After the log entry is written: keep only what resume and retention need. */
  async markLogged(id: string, sql: Sql = this.db): Promise<boolean> {
    const rows = await sql.rows(
      `UPDATE chat_session SET logged_at = now(), outcome = NULL, risk_level = NULL, categories = NULL, risk_flags = '{}', risk_signals = '[]'::jsonb,
         triage = '{}'::jsonb, declined_by = '{}'
       WHERE id = $1 AND logged_at IS NULL RETURNING 1`,
      [id],
    );
    return rows.length > 0;
  }

  /** Ended sessions still waiting for their log entry (the sweep's safety net). */
  async unlogged(limit = 100): Promise<{ id: string; endedAt: Date; needsForm: boolean }[]> {
    return this.db.rows(
      `SELECT id, ended_at AS "endedAt", (answered AND outcome IS NULL) AS "needsForm"
       FROM chat_session WHERE state = 'ended' AND logged_at IS NULL ORDER BY ended_at LIMIT $1`,
      [limit],
    );
  }
}

/** An ended session as the anonymiser reads it, and who held it (which the anonymiser never copies). */
export type EndedSessionFacts = EndedSession & { counsellorId: string | null };
