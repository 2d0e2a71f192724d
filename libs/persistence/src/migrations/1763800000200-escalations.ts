import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalations to crisis services. Consented details are sealed (AES-256-GCM) and purged on
 * schedule; the row keeps only codes and times. It outlives the session row, so the link
 * to the session is dropped when the session row is purged.
 */
export class Escalations1763800000200 implements MigrationInterface {
  name = 'Escalations1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE escalation (
        id uuid PRIMARY KEY,
        session_id uuid REFERENCES chat_session (id) ON DELETE SET NULL,
        service_id uuid NOT NULL REFERENCES service (id),
        staff_id uuid NOT NULL REFERENCES staff (id),
        language text NOT NULL,
        urgency text NOT NULL CHECK (urgency IN ('immediate', 'today', 'routine')),
        channel_type text NOT NULL CHECK (channel_type IN ('phone', 'webhook', 'email')),
        details bytea,
        status text NOT NULL CHECK (status IN ('queued', 'delivered', 'acknowledged', 'failed')),
        phone_result text CHECK (phone_result IN ('called', 'reached', 'not-reached')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        status_at timestamptz NOT NULL DEFAULT now(),
        details_purged_at timestamptz
      )`);
    await q.query(`CREATE INDEX escalation_open ON escalation (created_at) WHERE status IN ('queued', 'failed')`);
    await q.query(`CREATE INDEX escalation_session ON escalation (session_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS escalation`);
  }
}
