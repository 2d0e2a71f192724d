import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record. Nothing here holds a name, contact detail, IP address or user agent of a
 * survivor; message text and service secrets are sealed (AES-256-GCM); tokens are hashed.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('counsellor', 'manager', 'admin')),
        languages text[] NOT NULL,
        max_chats integer NOT NULL DEFAULT 1 CHECK (max_chats BETWEEN 1 AND 10),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        presence text NOT NULL DEFAULT 'offline' CHECK (presence IN ('available', 'away', 'offline')),
        presence_since timestamptz NOT NULL DEFAULT now(),
        last_offer_at timestamptz,
        ui_language text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX staff_email_key ON staff (lower(email))`);

    await q.query(`
      CREATE TABLE staff_token (
        token_hash bytea PRIMARY KEY,
        staff_id uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX staff_token_staff ON staff_token (staff_id)`);

    await q.query(`
      CREATE TABLE chat_session (
        id uuid PRIMARY KEY,
        language text NOT NULL,
        state text NOT NULL CHECK (state IN ('waiting', 'offered', 'active', 'ended')),
        priority smallint NOT NULL,
        triage jsonb NOT NULL,
        risk_flags text[] NOT NULL DEFAULT '{}',
        resume_token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        counsellor_id uuid REFERENCES staff (id),
        offer_seq integer NOT NULL DEFAULT 0,
        offer_expires_at timestamptz,
        declined_by uuid[] NOT NULL DEFAULT '{}',
        last_declined_at timestamptz,
        assigned_at timestamptz,
        answered boolean NOT NULL DEFAULT false,
        inactivity_prompted_at timestamptz,
        survivor_socket text,
        survivor_disconnected_at timestamptz,
        position_notified integer,
        estimate_notified integer,
        ended_at timestamptz,
        ended_by text,
        quick_exit boolean NOT NULL DEFAULT false,
        outcome text,
        risk_level text,
        categories text[],
        logged_at timestamptz
      )`);
    await q.query(`CREATE INDEX chat_session_line ON chat_session (priority, enqueued_at) WHERE state IN ('waiting', 'offered')`);
    await q.query(`CREATE INDEX chat_session_counsellor ON chat_session (counsellor_id) WHERE state IN ('offered', 'active')`);
    await q.query(`CREATE INDEX chat_session_ended ON chat_session (ended_at) WHERE state = 'ended'`);

    await q.query(`
      CREATE TABLE message (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES chat_session (id) ON DELETE CASCADE,
        seq bigserial NOT NULL,
        sender text NOT NULL CHECK (sender IN ('survivor', 'counsellor', 'system')),
        staff_id uuid,
        client_id text,
        body bytea NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE UNIQUE INDEX message_client_id ON message (session_id, sender, client_id) WHERE client_id IS NOT NULL`);
    await q.query(`CREATE INDEX message_session ON message (session_id, seq)`);

    await q.query(`
      CREATE TABLE contact_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hour timestamptz NOT NULL,
        language text NOT NULL,
        answered boolean NOT NULL,
        abandoned boolean NOT NULL,
        wait_band text NOT NULL,
        duration_band text,
        outcome text NOT NULL,
        risk_level text,
        categories text[] NOT NULL DEFAULT '{}',
        escalation_kinds text[] NOT NULL DEFAULT '{}',
        for_whom text,
        age_group text,
        immediate_danger boolean NOT NULL,
        risk_flagged boolean NOT NULL,
        ended_by text NOT NULL,
        quick_exit boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX contact_log_hour ON contact_log (hour)`);

    await q.query(`
      CREATE TABLE service (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        names jsonb NOT NULL DEFAULT '{}',
        kind text NOT NULL,
        phone text,
        hours text,
        region text,
        languages text[] NOT NULL,
        channel_type text NOT NULL CHECK (channel_type IN ('phone', 'webhook', 'email')),
        webhook_url text,
        webhook_secret bytea,
        email_to text,
        active boolean NOT NULL DEFAULT true,
        sort_order integer NOT NULL DEFAULT 100,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE staff_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        staff_id uuid NOT NULL,
        action text NOT NULL,
        session_id uuid,
        target_staff_id uuid
      )`);
    await q.query(`CREATE INDEX staff_audit_at ON staff_audit (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['staff_audit', 'service', 'contact_log', 'message', 'chat_session', 'staff_token', 'staff']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
