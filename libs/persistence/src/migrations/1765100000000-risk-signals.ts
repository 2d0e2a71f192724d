import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why risk detection flagged a chat, for the counsellor's banner: one entry per category and level
 * (`{category, reason, advisory}`), codes only — the lexicon rule's id or the model's
 * "model: <category>, <probability>". An advisory entry (a model flag under its priority
 * threshold) shows a banner but, unlike `risk_flags`, moves nobody in the line. Cleared with
 * `risk_flags` once the anonymised log entry is written.
 */
export class RiskSignals1765100000000 implements MigrationInterface {
  name = 'RiskSignals1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE chat_session ADD COLUMN risk_signals jsonb NOT NULL DEFAULT '[]'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE chat_session DROP COLUMN risk_signals`);
  }
}
