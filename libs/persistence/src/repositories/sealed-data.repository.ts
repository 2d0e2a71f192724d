import type { Db } from '../db';

/**
 * Every column that holds a sealed value: its table's uuid key (for paging and the conditional
 * write) and the column its associated data binds it to. `keys rotate` and `keys status` walk
 * these; a new sealed column belongs here too. `totp` is read only when its table exists (the
 * second factor adds it).
 */
export const SEALED_COLUMNS = {
  message: { table: 'message', column: 'body', key: 'id', bindTo: 'session_id' },
  escalation: { table: 'escalation', column: 'details', key: 'id', bindTo: 'id' },
  serviceSecret: { table: 'service', column: 'webhook_secret', key: 'id', bindTo: 'id' },
  totp: { table: 'staff_totp', column: 'secret_sealed', key: 'staff_id', bindTo: 'staff_id' },
} as const;
export type SealedColumnName = keyof typeof SEALED_COLUMNS;

export interface SealedRow { id: string; bindTo: string; sealed: Buffer }

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** Reads and re-writes sealed values for key rotation; never opens them (the caller holds the keys). */
export class SealedDataRepository {
  constructor(private readonly db: Db) {}

  async exists(name: SealedColumnName): Promise<boolean> {
    const { table, column } = SEALED_COLUMNS[name];
    return (await this.db.rows(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`,
      [table, column],
    )).length > 0;
  }

  /** The next rows after `afterId` (by id), with a value: keyset pages, so a long table is read in bounded steps. */
  async page(name: SealedColumnName, afterId: string | null, limit: number): Promise<SealedRow[]> {
    const { table, column, key, bindTo } = SEALED_COLUMNS[name];
    return this.db.rows<SealedRow>(
      `SELECT ${key}::text AS id, ${bindTo}::text AS "bindTo", ${column} AS sealed FROM ${table}
       WHERE ${column} IS NOT NULL AND ${key} > $1::uuid ORDER BY ${key} LIMIT $2`,
      [afterId ?? FIRST_ID, limit],
    );
  }

  /** Replaces one value only if it is still the one read (a concurrent change wins); true when replaced. */
  async replace(name: SealedColumnName, id: string, before: Buffer, after: Buffer): Promise<boolean> {
    const { table, column, key } = SEALED_COLUMNS[name];
    return (await this.db.rows(`UPDATE ${table} SET ${column} = $3 WHERE ${key} = $1::uuid AND ${column} = $2 RETURNING 1`, [id, before, after])).length > 0;
  }

  /** How many values start with each 5-byte header (format byte and key id), in hex; older values have no header. */
  async countByHeader(name: SealedColumnName): Promise<{ header: string; count: number }[]> {
    const { table, column } = SEALED_COLUMNS[name];
    return this.db.rows(
      `SELECT encode(substring(${column} FROM 1 FOR 5), 'hex') AS header, count(*)::int AS count FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC`,
    );
  }
}
