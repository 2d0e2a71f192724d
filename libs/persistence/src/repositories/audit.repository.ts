import type { Db } from '../db';

/** Staff access to sessions (monitoring, reassigning, transfers): who, what, when. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** `staffId` is null for an actor nobody knows (a failed sign-in with an unknown e-mail). */
  async record(staffId: string | null, action: string, sessionId?: string, targetStaffId?: string): Promise<void> {
    await this.db.rows(`INSERT INTO staff_audit (staff_id, action, session_id, target_staff_id) VALUES ($1, $2, $3, $4)`, [
      staffId, action, sessionId ?? null, targetStaffId ?? null,
    ]);
  }

  async purgeOlderThan(days: number): Promise<number> {
    return (await this.db.rows(`DELETE FROM staff_audit WHERE at < now() - make_interval(days => $1) RETURNING 1`, [days])).length;
  }
}
