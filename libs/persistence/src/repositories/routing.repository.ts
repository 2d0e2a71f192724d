import type { Language, LanguageQueueStatus } from '@prystan/contract';
import type { Db, Sql } from '../db';
import { lineFiguresSql, lineKey, lineStanding, placeSql, type LineFigures, type LineStanding } from './line-sql';
import { STAFF_LOAD_JOIN } from './staff-load';

export interface WaitingRow { id: string; language: string; priority: number; enqueuedAt: Date; declinedBy: string[]; lastDeclinedAt: Date | null }
export interface CandidateRow { id: string; name: string; languages: string[]; maxChats: number; load: number; lastOfferAt: Date | null }
export interface OfferRow { sessionId: string; staffId: string; language: Language; priority: number; triage: object; riskFlags: string[]; offerSeq: number; waitedSeconds: number; offerExpiresAt: Date; /** exact, for the time-to-offer metric */ waitedExactSeconds: number }
export interface LineRow { id: string; state: string; positionNotified: number | null; estimateNotified: number | null }

/** The SQL of the routing pass and of the line's numbers. */
export class RoutingRepository {
  constructor(private readonly db: Db) {}

  async waiting(tx: Sql, limit = 500): Promise<WaitingRow[]> {
    return tx.rows<WaitingRow>(
      `SELECT id, language, priority, enqueued_at AS "enqueuedAt", declined_by AS "declinedBy", last_declined_at AS "lastDeclinedAt"
       FROM chat_session WHERE state = 'waiting' ORDER BY priority, enqueued_at LIMIT $1`,
      [limit],
    );
  }

  async candidates(tx: Sql): Promise<CandidateRow[]> {
    return tx.rows<CandidateRow>(
      `SELECT s.id, s.name, s.languages, s.max_chats AS "maxChats", s.last_offer_at AS "lastOfferAt", staff_load.load
       FROM staff s ${STAFF_LOAD_JOIN} WHERE s.presence = 'available' AND NOT s.disabled`,
    );
  }

  /** Marks the pairs offered (only sessions still waiting) and returns what each offer needs. */
  async markOffered(tx: Sql, pairs: { sessionId: string; staffId: string }[], timeoutSeconds: number): Promise<OfferRow[]> {
    if (pairs.length === 0) return [];
    const offers = await tx.rows<OfferRow>(
      `UPDATE chat_session c SET state = 'offered', counsellor_id = p.staff_id, offer_seq = c.offer_seq + 1,
         offer_expires_at = now() + make_interval(secs => $3)
       FROM unnest($1::uuid[], $2::uuid[]) AS p(session_id, staff_id)
       WHERE c.id = p.session_id AND c.state = 'waiting'
       RETURNING c.id AS "sessionId", p.staff_id AS "staffId", c.language, c.triage, c.risk_flags AS "riskFlags",
         c.offer_seq AS "offerSeq", floor(extract(epoch FROM now() - c.created_at))::int AS "waitedSeconds", c.offer_expires_at AS "offerExpiresAt",
         c.priority::int AS priority, extract(epoch FROM clock_timestamp() - c.created_at)::float8 AS "waitedExactSeconds"`,
      [pairs.map((p) => p.sessionId), pairs.map((p) => p.staffId), timeoutSeconds],
    );
    await tx.rows(`UPDATE staff SET last_offer_at = clock_timestamp() WHERE id = ANY($1::uuid[])`, [offers.map((o) => o.staffId)]);
    return offers;
  }

  /** Offers whose expiry passed (a lost timer after a Redis restart is caught here). */
  async overdueOffers(graceSeconds: number): Promise<{ id: string; offerSeq: number }[]> {
    return this.db.rows(
      `SELECT id, offer_seq AS "offerSeq" FROM chat_session WHERE state = 'offered' AND offer_expires_at < now() - make_interval(secs => $1)`,
      [graceSeconds],
    );
  }

  async openOffers(): Promise<{ id: string; offerSeq: number; offerExpiresAt: Date }[]> {
    return this.db.rows(`SELECT id, offer_seq AS "offerSeq", offer_expires_at AS "offerExpiresAt" FROM chat_session WHERE state = 'offered'`);
  }

  /**
   * Sessions in the line of one language, in the order the survivor's position counts: offered
   * first (they are about to leave it), then routing order; the id settles a tie, so that
   * `placeOf` counts exactly the rows this puts ahead.
   */
  async line(language: string, sql: Sql = this.db): Promise<LineRow[]> {
    return sql.rows<LineRow>(
      `SELECT id, state, position_notified AS "positionNotified", estimate_notified AS "estimateNotified"
       FROM chat_session WHERE language = $1 AND state IN ('waiting', 'offered')
       ORDER BY ${lineKey('chat_session')}`,
      [language],
    );
  }

  /**
   * One session's place in its line (1 is next), counted in SQL as `line` would number it
   * without reading the line, with the line's figures (`lineFigures`), in one statement: an
   * arrival in a flood costs one round trip here. Undefined when the session is not in the line.
   */
  async placeOf(sessionId: string, language: string, sql: Sql = this.db): Promise<LineStanding | undefined> {
    const row = await sql.one<LineStanding>(
      `SELECT ${placeSql('me')} AS place, f.*
       FROM chat_session me, (${lineFiguresSql('$2')}) f
       WHERE me.id = $1 AND me.language = $2 AND me.state IN ('waiting', 'offered')`,
      [sessionId, language],
    );
    return row && lineStanding(row);
  }

  async saveNotified(updates: { id: string; position: number; estimate: number | null }[], sql: Sql = this.db): Promise<void> {
    if (updates.length === 0) return;
    await sql.rows(
      `UPDATE chat_session c SET position_notified = u.position, estimate_notified = u.estimate
       FROM unnest($1::uuid[], $2::int[], $3::int[]) AS u(id, position, estimate) WHERE c.id = u.id`,
      [updates.map((u) => u.id), updates.map((u) => u.position), updates.map((u) => u.estimate)],
    );
  }

  /**
   * What a wait estimate needs: the slots of available counsellors who speak the language
   * (free ones and all), and the median handling time of its chats that ended in the last day.
   */
  async lineFigures(language: string, sql: Sql = this.db): Promise<LineFigures> {
    const row = (await sql.one<LineFigures>(lineFiguresSql('$1'), [language]))!;
    return { ...row, medianHandleSeconds: row.medianHandleSeconds == null ? null : Number(row.medianHandleSeconds) };
  }

  async queueStatus(): Promise<Record<string, LanguageQueueStatus>> {
    const rows = await this.db.rows<LanguageQueueStatus & { language: string }>(
      `WITH langs(language) AS (VALUES ('pl'), ('uk'), ('en')),
       loads AS (
         SELECT s.id, s.languages, s.presence, s.max_chats, staff_load.load
         FROM staff s ${STAFF_LOAD_JOIN} WHERE NOT s.disabled)
       SELECT l.language,
         (SELECT count(*)::int FROM chat_session c WHERE c.language = l.language AND c.state IN ('waiting', 'offered')) AS waiting,
         (SELECT count(*)::int FROM chat_session c WHERE c.language = l.language AND c.state IN ('waiting', 'offered') AND c.priority = 0) AS "priorityWaiting",
         COALESCE((SELECT floor(extract(epoch FROM now() - min(c.created_at)))::int FROM chat_session c
                   WHERE c.language = l.language AND c.state IN ('waiting', 'offered')), 0) AS "longestWaitSeconds",
         (SELECT count(*)::int FROM loads WHERE l.language = ANY(loads.languages) AND presence = 'available' AND load < max_chats) AS "counsellorsAvailable",
         (SELECT count(*)::int FROM loads WHERE l.language = ANY(loads.languages) AND load > 0) AS "counsellorsBusy",
         (SELECT count(*)::int FROM chat_session c WHERE c.language = l.language AND c.state = 'active') AS "activeSessions"
       FROM langs l`,
    );
    return Object.fromEntries(rows.map(({ language, ...rest }) => [language, rest]));
  }
}
