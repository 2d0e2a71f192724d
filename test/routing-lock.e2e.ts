import { createDataSource, Db, RoutingRepository, type Sql } from '@prystan/persistence';
import { RoutingService } from '@prystan/routing';
import type { DataSource } from 'typeorm';
import { eventually } from './support/clients';
import { liveService } from './support/live-service';

/**
 * `RoutingService.underLock` on the real PostgreSQL: two holders on two connections (two
 * workers, or a worker and a gateway) never run their work at the same time, and the work
 * runs inside the transaction that holds the lock.
 */
describe('the routing lock', () => {
  const sources: DataSource[] = [];
  // declared before the service, so the connections close before its database is dropped
  afterAll(() => Promise.all(sources.map((s) => s.destroy())));
  // the file's own database, and no process: the two holders are in this process
  const { env } = liveService({}, { gateways: 0, workers: 0 });
  let routing: [RoutingService, RoutingService];

  beforeAll(async () => {
    const services = await Promise.all([0, 1].map(async () => {
      const source = createDataSource(env.databaseUrl, { poolSize: 2, applicationName: 'routing-lock-test' });
      await source.initialize();
      sources.push(source);
      const db = new Db(source);
      return new RoutingService(db, new RoutingRepository(db), 30);
    }));
    routing = [services[0], services[1]];
  });

  /** Backends of this test waiting for an advisory lock. */
  const waitingForLock = async () => (await env.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'routing-lock-test' AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
  ))[0].n;

  it('a second holder waits until the first commits, then sees what it wrote', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const firstEntered = new Promise<void>((r) => (entered = r));
    const order: string[] = [];

    const first = routing[0].underLock(async (tx: Sql) => {
      order.push('first in');
      await tx.rows(`CREATE TABLE lock_probe (v text)`);
      await tx.rows(`INSERT INTO lock_probe VALUES ('first')`);
      entered();
      await held;
      order.push('first out');
    });
    await firstEntered;
    const second = routing[1].underLock(async (tx: Sql) => {
      order.push('second in');
      return tx.rows<{ v: string }>(`SELECT v FROM lock_probe`);
    });
    // the second holder's backend is blocked on the advisory lock, not merely slow to start
    await eventually(async () => (await waitingForLock()) === 1 || undefined, 10_000);
    expect(order).toEqual(['first in']);

    release();
    await first;
    const seen = await second;
    expect(order).toEqual(['first in', 'first out', 'second in']);
    expect(seen).toEqual([{ v: 'first' }]);
  });

  it('work that fails rolls back and lets the lock go', async () => {
    await expect(routing[0].underLock(async (tx: Sql) => {
      await tx.rows(`INSERT INTO lock_probe VALUES ('rolled back')`);
      throw new Error('refused');
    })).rejects.toThrow('refused');
    const rows = await routing[1].underLock((tx: Sql) => tx.rows<{ v: string }>(`SELECT v FROM lock_probe ORDER BY v`));
    expect(rows).toEqual([{ v: 'first' }]);
  });
});
