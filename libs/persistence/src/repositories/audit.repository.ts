import type { AuditAction } from '@prystan/contract';
import type { Db } from '../db';

/** What an entry is about: a session, a staff member or a service; `detail` holds codes only, never free text. */
export interface AuditAbout { sessionId?: string; targetStaffId?: string; targetServiceId?: string; detail?: string[] }

export interface AuditEntryRow { at: Date; actor: string | null; action: string; target: string | null; sessionId: string | null; detail: string[] }

export interface AuditFilter { limit: number; action?: AuditAction; actorId?: string }

/** The staff audit trail: who did what to which session, account or service, and when. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** `actorId` is null only when nobody can be named (a failed sign-in for an unknown e-mail). */
  async record(actorId: string | null, action: AuditAction, about: AuditAbout = {}): Promise<void> {
    await this.db.rows(
      `INSERT INTO staff_audit (staff_id, action, session_id, target_staff_id, target_service_id, detail) VALUES ($1, $2, $3, $4, $5, $6)`,
      [actorId, action, about.sessionId ?? null, about.targetStaffId ?? null, about.targetServiceId ?? null, about.detail ?? []],
    );
  }

  /** The newest entries, with the actor's and the target's names (a staff member's or a service's). */
  async list(filter: AuditFilter): Promise<AuditEntryRow[]> {
    return this.db.rows<AuditEntryRow>(
      `SELECT a.at, s.name AS actor, a.action, COALESCE(t.name, v.name) AS target, a.session_id AS "sessionId", a.detail
       FROM staff_audit a
         LEFT JOIN staff s ON s.id = a.staff_id
         LEFT JOIN staff t ON t.id = a.target_staff_id
         LEFT JOIN service v ON v.id = a.target_service_id
       WHERE ($2::text IS NULL OR a.action = $2) AND ($3::uuid IS NULL OR a.staff_id = $3)
       ORDER BY a.at DESC, a.id DESC LIMIT $1`,
      [filter.limit, filter.action ?? null, filter.actorId ?? null],
    );
  }

  async purgeOlderThan(days: number): Promise<number> {
    return (await this.db.rows(`DELETE FROM staff_audit WHERE at < now() - make_interval(days => $1) RETURNING 1`, [days])).length;
  }
}
