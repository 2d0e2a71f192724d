import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail grows from supervision to every staff-side change: sign-ins (a failed one
 * for an unknown e-mail has no actor), account, directory and quick-reply changes, exports.
 * A target is a staff member or a service; `detail` holds codes only (changed field names,
 * an export's format), never free text. The old supervision actions get the contract's names.
 */
export class AuditTrail1765000000000 implements MigrationInterface {
  name = 'AuditTrail1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_audit ALTER COLUMN staff_id DROP NOT NULL`);
    await q.query(`ALTER TABLE staff_audit ADD COLUMN target_service_id uuid, ADD COLUMN detail text[] NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE staff_audit SET action = CASE action WHEN 'monitor' THEN 'session.monitored' WHEN 'transfer' THEN 'session.transferred' WHEN 'reassign' THEN 'session.reassigned' ELSE action END`);
    await q.query(`CREATE INDEX staff_audit_action_at ON staff_audit (action, at)`);
    await q.query(`CREATE INDEX staff_audit_staff_at ON staff_audit (staff_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS staff_audit_staff_at`);
    await q.query(`DROP INDEX IF EXISTS staff_audit_action_at`);
    await q.query(`UPDATE staff_audit SET action = CASE action WHEN 'session.monitored' THEN 'monitor' WHEN 'session.transferred' THEN 'transfer' WHEN 'session.reassigned' THEN 'reassign' ELSE action END`);
    await q.query(`DELETE FROM staff_audit WHERE staff_id IS NULL`);
    await q.query(`ALTER TABLE staff_audit DROP COLUMN detail, DROP COLUMN target_service_id, ALTER COLUMN staff_id SET NOT NULL`);
  }
}
