import type { Db, RoutingRepository, Sql } from '@prystan/persistence';
import { RoutingService } from './routing.service';

/** A Db whose transactions record their statements, in order, each transaction apart. */
function recordingDb() {
  const transactions: string[][] = [];
  const db = {
    transaction: async <T>(work: (tx: Sql) => Promise<T>): Promise<T> => {
      const statements: string[] = [];
      transactions.push(statements);
      const tx: Sql = {
        rows: async <R>(sql: string) => { statements.push(sql); return [] as R[]; },
        one: async <R>(sql: string) => { statements.push(sql); return undefined as R | undefined; },
      };
      return work(tx);
    },
  } as unknown as Db;
  return { db, transactions };
}

describe('RoutingService.underLock', () => {
  it('takes the routing advisory lock first, in the very transaction the work runs in', async () => {
    const { db, transactions } = recordingDb();
    const routing = new RoutingService(db, {} as RoutingRepository, 30);
    const result = await routing.underLock(async (tx) => { await tx.rows('UPDATE staff SET presence = $1'); return 'done'; });
    expect(result).toBe('done');
    expect(transactions).toHaveLength(1);
    expect(transactions[0]).toEqual([expect.stringMatching(/^SELECT pg_advisory_xact_lock\(\$1\)$/), 'UPDATE staff SET presence = $1']);
  });

  it('runs the routing pass under the same lock', async () => {
    const { db, transactions } = recordingDb();
    const repo = { waiting: async (tx: Sql) => { await tx.rows('SELECT waiting'); return []; } } as unknown as RoutingRepository;
    await new RoutingService(db, repo, 30).runPass();
    expect(transactions).toEqual([[expect.stringMatching(/pg_advisory_xact_lock/), 'SELECT waiting']]);
  });

  it('lets the work\'s error through (the transaction rolls back and the lock goes with it)', async () => {
    const { db } = recordingDb();
    await expect(new RoutingService(db, {} as RoutingRepository, 30).underLock(async () => { throw new Error('refused'); })).rejects.toThrow('refused');
  });
});
