import type { Db } from '../db';
import { STAFF_LOAD_JOIN } from './staff-load';

export interface WaitingCount { language: string; priority: number; waiting: number }
export interface CounsellorCount { language: string; status: 'available' | 'busy' | 'away' | 'offline'; count: number }

/**
 * The line as an operator's metrics see it: counts and ages only, never a row's id. Read at
 * each Prometheus scrape by the workers, so each query is one index-friendly aggregate.
 */
export class OperationsRepository {
  constructor(private readonly db: Db) {}

  /** Chats not yet talking to anyone (an unanswered offer still counts as waiting), by language and class. */
  async waiting(): Promise<WaitingCount[]> {
    return this.db.rows<WaitingCount>(
      `SELECT language, priority::int AS priority, count(*)::int AS waiting
       FROM chat_session WHERE state IN ('waiting', 'offered') GROUP BY language, priority`,
    );
  }

  /** Seconds the longest-waiting chat of each language and class has waited (lines with someone in them only). */
  async longestWaits(): Promise<{ language: string; priority: number; seconds: number }[]> {
    return this.db.rows(
      `SELECT language, priority::int AS priority, extract(epoch FROM now() - min(created_at))::float8 AS seconds
       FROM chat_session WHERE state IN ('waiting', 'offered') GROUP BY language, priority`,
    );
  }

  /** Enabled staff by language spoken and status; `busy` is available with no room left under max_chats. */
  async counsellors(): Promise<CounsellorCount[]> {
    return this.db.rows<CounsellorCount>(
      `WITH loads AS (
         SELECT s.languages, s.presence, s.max_chats, staff_load.load
         FROM staff s ${STAFF_LOAD_JOIN} WHERE NOT s.disabled)
       SELECT lang AS language,
         CASE WHEN presence = 'available' AND load >= max_chats THEN 'busy' ELSE presence END AS status,
         count(*)::int AS count
       FROM loads CROSS JOIN LATERAL unnest(languages) AS lang GROUP BY 1, 2`,
    );
  }

  /**
   * Age of the oldest escalation of the last day still waiting for its service: queued or
   * delivered without acknowledgement (webhook, e-mail), or not yet called (phone).
   */
  async oldestUnacknowledgedEscalations(): Promise<{ channel: string; seconds: number }[]> {
    return this.db.rows(
      `SELECT channel_type AS channel, extract(epoch FROM now() - min(created_at))::float8 AS seconds
       FROM escalation
       WHERE created_at > now() - interval '1 day'
         AND (status = 'queued' OR (status = 'delivered' AND channel_type <> 'phone'))
       GROUP BY channel_type`,
    );
  }
}
