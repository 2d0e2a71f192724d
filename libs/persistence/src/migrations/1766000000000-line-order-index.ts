import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The line of one language in the order positions count (`RoutingRepository.line`): offered
 * first, then priority, longest wait, id. An arrival's place is then a count over a range of
 * this index (`placeOf`), and the pass's read of the line is an ordered index scan, instead of
 * a filter and a sort over every waiting session of every language.
 */
export class LineOrderIndex1766000000000 implements MigrationInterface {
  name = 'LineOrderIndex1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX chat_session_line_order ON chat_session (language, (state <> 'offered'), priority, enqueued_at, id) WHERE state IN ('waiting', 'offered')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX chat_session_line_order`);
  }
}
