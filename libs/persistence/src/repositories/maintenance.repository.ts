import type { Db } from '../db';

/** An active chat's last activity: its last survivor or counsellor message, or its start. */
const ACTIVITY = `activity AS (
  SELECT s.id, s.inactivity_prompted_at AS prompted_at,
    GREATEST(s.assigned_at, (SELECT max(m.sent_at) FROM message m WHERE m.session_id = s.id AND m.sender <> 'system')) AS last_at
  FROM chat_session s WHERE s.state = 'active')`;

/** The sweep's queries: abandoned waits, silent chats, and what retention removes. */
export class MaintenanceRepository {
  constructor(private readonly db: Db) {}

  /** Waiting survivors whose connection dropped longer ago than the grace period. */
  async abandonedWaits(graceSeconds: number): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(
      `SELECT id FROM chat_session WHERE state IN ('waiting', 'offered') AND survivor_disconnected_at < now() - make_interval(secs => $1)`,
      [graceSeconds],
    );
    return rows.map((r) => r.id);
  }

  /** Active chats silent for `promptSeconds` and not prompted since: marked prompted, returned once. */
  async claimInactivityPrompts(promptSeconds: number): Promise<{ id: string; language: 'pl' | 'uk' | 'en' }[]> {
    return this.db.rows(
      `WITH ${ACTIVITY}
       UPDATE chat_session c SET inactivity_prompted_at = now() FROM activity a
       WHERE c.id = a.id AND a.last_at < now() - make_interval(secs => $1)
         AND (a.prompted_at IS NULL OR a.prompted_at < a.last_at)
       RETURNING c.id, c.language`,
      [promptSeconds],
    );
  }

  /** Active chats prompted and still silent `closeSeconds` after their last message. */
  async inactiveToClose(closeSeconds: number): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(
      `WITH ${ACTIVITY}
       SELECT id FROM activity WHERE prompted_at >= last_at AND last_at < now() - make_interval(secs => $1)`,
      [closeSeconds],
    );
    return rows.map((r) => r.id);
  }

  /** Transcripts kept for supervision, past their retention. */
  async purgeTranscripts(retentionHours: number): Promise<number> {
    const rows = await this.db.rows(
      `DELETE FROM message m USING chat_session s
       WHERE m.session_id = s.id AND s.state = 'ended' AND s.ended_at < now() - make_interval(hours => $1) RETURNING 1`,
      [retentionHours],
    );
    return rows.length;
  }

  /** Ended, logged sessions: the row itself goes after a day (resume answers `not_found` then). */
  async purgeEndedSessions(afterHours: number): Promise<number> {
    const rows = await this.db.rows(
      `DELETE FROM chat_session WHERE state = 'ended' AND logged_at IS NOT NULL AND ended_at < now() - make_interval(hours => $1)
         AND NOT EXISTS (SELECT 1 FROM message m WHERE m.session_id = chat_session.id) RETURNING 1`,
      [afterHours],
    );
    return rows.length;
  }
}
