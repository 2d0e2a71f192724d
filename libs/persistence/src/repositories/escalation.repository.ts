import type { EscalationStatus } from '@prystan/contract';
import type { Db } from '../db';

export interface EscalationRecord {
  id: string;
  sessionId: string | null;
  serviceId: string;
  staffId: string;
  language: string;
  urgency: string;
  channelType: 'phone' | 'webhook' | 'email';
  status: EscalationStatus;
  phoneResult: string | null;
  attempts: number;
  createdAt: Date;
  statusAt: Date;
}

export interface EscalationListItem extends EscalationRecord { serviceName: string; serviceKind: string; staffName: string }

/** One of a counsellor's own escalations with its service's public directory entry (never the details). */
export interface OwnEscalationItem extends EscalationRecord { serviceName: string; serviceKind: string; servicePhone: string | null }

const COLUMNS = `e.id, e.session_id AS "sessionId", e.service_id AS "serviceId", e.staff_id AS "staffId", e.language, e.urgency,
  e.channel_type AS "channelType", e.status, e.phone_result AS "phoneResult", e.attempts, e.created_at AS "createdAt", e.status_at AS "statusAt"`;

/** Escalations: status changes are conditional, so a repeated delivery or a late ack changes nothing. */
export class EscalationRepository {
  constructor(private readonly db: Db) {}

  async create(input: { id: string; sessionId: string; serviceId: string; staffId: string; language: string; urgency: string; channelType: string; sealedDetails: Buffer }): Promise<EscalationRecord> {
    return (await this.db.one<EscalationRecord>(
      `INSERT INTO escalation AS e (id, session_id, service_id, staff_id, language, urgency, channel_type, details, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued') RETURNING ${COLUMNS}`,
      [input.id, input.sessionId, input.serviceId, input.staffId, input.language, input.urgency, input.channelType, input.sealedDetails],
    ))!;
  }

  async findById(id: string): Promise<EscalationRecord | undefined> {
    return this.db.one<EscalationRecord>(`SELECT ${COLUMNS} FROM escalation e WHERE e.id = $1`, [id]);
  }

  async sealedDetails(id: string): Promise<{ details: Buffer | null; createdAt: Date } | undefined> {
    return this.db.one(`SELECT details, created_at AS "createdAt" FROM escalation WHERE id = $1`, [id]);
  }

  /** Escalations the worker still has to deliver (their jobs are re-queued after Redis lost its data). */
  async awaitingDelivery(): Promise<string[]> {
    const rows = await this.db.rows<{ id: string }>(`SELECT id FROM escalation WHERE status = 'queued' AND channel_type IN ('webhook', 'email')`);
    return rows.map((r) => r.id);
  }

  async countAttempt(id: string, safeError: string | null): Promise<void> {
    await this.db.rows(`UPDATE escalation SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [id, safeError]);
  }

  /** Moves to `to` only from one of `from`; returns the record if it moved. */
  async transition(id: string, from: EscalationStatus[], to: EscalationStatus, phoneResult?: string): Promise<EscalationRecord | undefined> {
    return this.db.one<EscalationRecord>(
      `UPDATE escalation e SET status = $3, status_at = now(), phone_result = COALESCE($4, phone_result)
       WHERE e.id = $1 AND e.status = ANY($2) RETURNING ${COLUMNS}`,
      [id, from, to, phoneResult ?? null],
    );
  }

  async recordPhoneResult(id: string, staffId: string, result: string): Promise<EscalationRecord | undefined> {
    return this.db.one<EscalationRecord>(
      `UPDATE escalation e SET phone_result = $3, status_at = now(),
         status = CASE $3 WHEN 'reached' THEN 'delivered' WHEN 'not-reached' THEN 'failed' ELSE status END
       WHERE e.id = $1 AND e.staff_id = $2 AND e.channel_type = 'phone' AND e.status IN ('queued', 'failed') RETURNING ${COLUMNS}`,
      [id, staffId, result],
    );
  }

  /** Open (queued or failed) and today's escalations, newest first, for the managers' board. */
  async listRecent(limit = 100): Promise<EscalationListItem[]> {
    return this.db.rows<EscalationListItem>(
      `SELECT ${COLUMNS}, s.name AS "serviceName", s.kind AS "serviceKind", st.name AS "staffName"
       FROM escalation e JOIN service s ON s.id = e.service_id JOIN staff st ON st.id = e.staff_id
       WHERE e.status IN ('queued', 'failed') OR e.created_at > now() - interval '1 day'
       ORDER BY e.created_at DESC LIMIT $1`,
      [limit],
    );
  }

  /**
   * Every escalation raised from these chats (by their counsellor, or by a colleague before a
   * transfer), oldest first, for restoring the console; the service named in `nameLanguage`
   * where the directory has it, else in the chat's.
   */
  async forChats(sessionIds: string[], nameLanguage: string | null): Promise<OwnEscalationItem[]> {
    if (sessionIds.length === 0) return [];
    return this.db.rows<OwnEscalationItem>(
      `SELECT ${COLUMNS}, COALESCE(s.names->>$2, s.names->>e.language, s.name) AS "serviceName", s.kind AS "serviceKind", s.phone AS "servicePhone"
       FROM escalation e JOIN service s ON s.id = e.service_id
       WHERE e.session_id = ANY($1::uuid[])
       ORDER BY e.created_at, e.id`,
      [sessionIds, nameLanguage],
    );
  }

  /** The kinds of service a session was escalated to, for its anonymised record. */
  async kindsForSession(sessionId: string): Promise<string[]> {
    const rows = await this.db.rows<{ kind: string }>(
      `SELECT DISTINCT s.kind FROM escalation e JOIN service s ON s.id = e.service_id WHERE e.session_id = $1`,
      [sessionId],
    );
    return rows.map((r) => r.kind);
  }

  /** Consented details past retention (counted from the last status change), gone for good. */
  async purgeDetails(retentionDays: number): Promise<number> {
    const rows = await this.db.rows(
      `UPDATE escalation SET details = NULL, details_purged_at = now()
       WHERE details IS NOT NULL AND status_at < now() - make_interval(days => $1) RETURNING 1`,
      [retentionDays],
    );
    return rows.length;
  }
}
