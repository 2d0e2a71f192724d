import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import { MessageBatcher } from './message-batcher';

export interface StoredMessage { id: string; sessionId: string; sender: 'survivor' | 'counsellor' | 'system'; body: Buffer; sentAt: Date }

export type InsertResult =
  | { kind: 'inserted'; id: string; sentAt: Date; language: string }
  | { kind: 'duplicate'; id: string; sentAt: Date }
  | { kind: 'refused' };

/** Sealed message bodies; idempotent by (session, sender, clientId). */
export class MessageRepository {
  private readonly batcher: MessageBatcher;

  constructor(private readonly db: Db) {
    this.batcher = new MessageBatcher(db);
  }

  /**
   * Inserts a message if the session is in one of `states` (and, for a counsellor, is theirs).
   * A repeated clientId returns the first message. Writes are group-committed.
   */
  async insert(input: { sessionId: string; sender: 'survivor' | 'counsellor' | 'system'; staffId?: string; clientId?: string; body: Buffer; states: string[] }): Promise<InsertResult> {
    const stored = await this.batcher.write({
      id: randomUUID(),
      sessionId: input.sessionId,
      sender: input.sender,
      staffId: input.staffId ?? null,
      clientId: input.clientId ?? null,
      body: input.body,
      states: input.states.join(','),
    });
    if (stored) return { kind: 'inserted', id: stored.id, sentAt: stored.sentAt, language: stored.language };
    if (input.clientId) {
      // a counsellor's repeat is answered only in their own chat, and only with their own message:
      // anyone else learns nothing about what was written there (the refusal is the same as for a new one)
      const first = await this.db.one<{ id: string; sentAt: Date }>(
        `SELECT m.id, m.sent_at AS "sentAt" FROM message m JOIN chat_session s ON s.id = m.session_id
         WHERE m.session_id = $1 AND m.sender = $2 AND m.client_id = $3
           AND ($4::uuid IS NULL OR (m.staff_id = $4 AND s.counsellor_id = $4))`,
        [input.sessionId, input.sender, input.clientId, input.staffId ?? null],
      );
      if (first) return { kind: 'duplicate', ...first };
    }
    return { kind: 'refused' };
  }

  async listForSession(sessionId: string): Promise<StoredMessage[]> {
    return this.db.rows<StoredMessage>(
      `SELECT id, session_id AS "sessionId", sender, body, sent_at AS "sentAt" FROM message WHERE session_id = $1 ORDER BY seq`,
      [sessionId],
    );
  }

  async deleteForSession(sessionId: string): Promise<number> {
    const rows = await this.db.rows(`DELETE FROM message WHERE session_id = $1 RETURNING 1`, [sessionId]);
    return rows.length;
  }
}
