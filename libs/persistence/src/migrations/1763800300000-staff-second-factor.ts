import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second factors for staff sign-in: a TOTP secret (sealed, as message text is), its last
 * accepted time step (so a code works once), hashed one-time recovery codes, and the
 * short-lived challenges between the password and the code. A token may be enrolment-only.
 * Failed sign-ins with an unknown e-mail are audited with no actor.
 */
export class StaffSecondFactor1763800300000 implements MigrationInterface {
  name = 'StaffSecondFactor1763800300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff_totp (
        staff_id uuid PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
        secret_sealed bytea NOT NULL,
        confirmed_at timestamptz,
        last_step bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE staff_recovery_code (
        staff_id uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        code_hash bytea NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (staff_id, code_hash)
      )`);
    await q.query(`
      CREATE TABLE staff_mfa_challenge (
        token_hash bytea PRIMARY KEY,
        staff_id uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`ALTER TABLE staff_token ADD COLUMN enrolment_only boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE staff_audit ALTER COLUMN staff_id DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM staff_audit WHERE staff_id IS NULL`);
    await q.query(`ALTER TABLE staff_audit ALTER COLUMN staff_id SET NOT NULL`);
    await q.query(`ALTER TABLE staff_token DROP COLUMN enrolment_only`);
    for (const table of ['staff_mfa_challenge', 'staff_recovery_code', 'staff_totp']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
