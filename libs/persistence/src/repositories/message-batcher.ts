import type { Db } from '../db';

export interface PendingInsert {
  id: string;
  sessionId: string;
  sender: 'survivor' | 'counsellor' | 'system';
  staffId: string | null;
  clientId: string | null;
  body: Buffer;
  /** states the session must be in, comma-separated */
  states: string;
}

export interface BatchOutcome { id: string; sentAt: Date; language: string }

const MAX_BATCH = 200;

/**
 * Group commit for messages: while one multi-row INSERT is in flight, new messages wait and
 * go together in the next one. At low load a message is written at once (a batch of one);
 * under load, one durable commit serves many senders. Every sender is acknowledged only
 * after the commit that holds its message.
 */
export class MessageBatcher {
  private queue: { input: PendingInsert; resolve: (r: BatchOutcome | undefined) => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;

  constructor(private readonly db: Db) {}

  /** Resolves with the stored row, or undefined when the session's state (or owner) refused it or the clientId was a repeat. */
  write(input: PendingInsert): Promise<BatchOutcome | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const rows = await this.insert(batch.map((b) => b.input));
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const b of batch) b.resolve(byId.get(b.input.id));
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    this.flushing = false;
  }

  /**
   * One statement, one transaction: checks each message's session and inserts. It does not
   * update the session row (a chat's activity is the time of its last message), which keeps a
   * message to one durable INSERT.
   */
  private insert(inputs: PendingInsert[]): Promise<BatchOutcome[]> {
    const col = <K extends keyof PendingInsert>(k: K) => inputs.map((i) => i[k]);
    return this.db.rows<BatchOutcome>(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::bytea[], $7::text[])
           WITH ORDINALITY AS t(id, session_id, sender, staff_id, client_id, body, states, n)),
       allowed AS (
         SELECT i.*, s.language FROM input i JOIN chat_session s ON s.id = i.session_id
         WHERE s.state = ANY(string_to_array(i.states, ',')) AND (i.staff_id IS NULL OR s.counsellor_id = i.staff_id))
       INSERT INTO message (id, session_id, sender, staff_id, client_id, body)
       SELECT id, session_id, sender, staff_id, client_id, body FROM allowed ORDER BY n
       ON CONFLICT (session_id, sender, client_id) WHERE client_id IS NOT NULL DO NOTHING
       RETURNING id, sent_at AS "sentAt", (SELECT language FROM allowed a WHERE a.id = message.id) AS language`,
      [col('id'), col('sessionId'), col('sender'), col('staffId'), col('clientId'), col('body'), col('states')],
    );
  }
}
