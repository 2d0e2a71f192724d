import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Raw SQL where it matters (locks, conditional updates, bulk inserts), with rows back every time. */
export interface Sql {
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T | undefined>;
}

class RunnerSql implements Sql {
  constructor(private readonly runner: QueryRunner) {}
  async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.runner.query(sql, params, true);
    return (result.records ?? []) as T[];
  }
  async one<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(sql, params))[0];
  }
}

export class Db implements Sql {
  constructor(readonly dataSource: DataSource) {}

  async rows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await new RunnerSql(runner).rows<T>(sql, params);
    } finally {
      await runner.release();
    }
  }

  async one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(sql, params))[0];
  }

  /** Runs `work` in one READ COMMITTED transaction. */
  async transaction<T>(work: (tx: Sql, manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new RunnerSql(manager.queryRunner!), manager));
  }

  async ping(): Promise<void> {
    await this.rows('SELECT 1');
  }
}
