import { performance } from 'node:perf_hooks';
import IORedis from 'ioredis';
import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { RouteTriggers } from '@prystan/queue';
import { IntervalGate } from '../apps/worker/src/runtime/interval-gate';
import { actors } from './support/actors';
import { ask, connectSurvivor, eventually, next } from './support/clients';
import { liveService } from './support/live-service';
import { freePort } from './support/processes';
import { scrape, valueOf } from './support/prometheus';

/** The routing lock's key (libs/routing/src/routing.service.ts). */
const ROUTING_LOCK = 74_117_002;
const ARRIVALS = 40;

/**
 * A flood: many survivors arrive at once. Routing passes are shared (a trigger a later pass
 * already served runs none), each survivor hears a new place at most once a second and ends
 * up with the true one, and no trigger is lost. The figures of a real flood come from
 * `npm run bench`; this file proves the rules.
 */
describe('a flood of arrivals', () => {
  let workerPort: number;
  beforeAll(async () => { workerPort = await freePort(); });
  const world = liveService({ SESSION_STARTS_PER_10MIN: '100000', SOCKETS_PER_ADDRESS: '100000' }, { workerEnv: () => ({ WORKER_METRICS_PORT: String(workerPort) }) });
  const { counsellor } = actors(world);

  const passes = async () => {
    const { samples } = await scrape(workerPort);
    return { ran: valueOf(samples, 'prystan_routing_passes_total', { result: 'ran' }), covered: valueOf(samples, 'prystan_routing_passes_total', { result: 'covered' }) };
  };

  it('shares routing passes, tells each place at most once a second, ends with the true place, and loses no trigger', async () => {
    const before = await passes();
    // routing waits while they arrive (as it would behind a long pass), so their triggers pile up
    const lockHolder = new Client({ connectionString: world.env.databaseUrl });
    await lockHolder.connect();
    await lockHolder.query('SELECT pg_advisory_lock($1)', [ROUTING_LOCK]);

    const heard = new Map<Socket, { at: number; position: number }[]>();
    const sockets = await Promise.all(Array.from({ length: ARRIVALS }, async () => world.keep(await connectSurvivor(world.base))));
    for (const socket of sockets) {
      heard.set(socket, []);
      socket.on('queue:position', (p: { position: number }) => heard.get(socket)!.push({ at: performance.now(), position: p.position }));
    }
    const acks = await Promise.all(sockets.map((s) => ask(s, 'session:start', { language: 'pl', triage: { immediateDanger: false } }, 20_000)));
    expect(acks.every((a) => a.ok)).toBe(true);
    const sessionOf = new Map(sockets.map((s, i) => [s, acks[i].sessionId as string]));
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [ROUTING_LOCK]);
    await lockHolder.end();

    // every trigger is answered, by a pass or by a pass begun after it; few passes ran
    const after = await eventually(async () => {
      const now = await passes();
      return now.covered - before.covered + (now.ran - before.ran) >= ARRIVALS && now;
    }, 20_000);
    expect(after.covered - before.covered).toBeGreaterThanOrEqual(ARRIVALS - 8);

    // each survivor's newest place (the acknowledgement's, then what it heard) becomes the true one
    const truth = async () => new Map((await world.env.sql<{ id: string; place: number }>(
      `SELECT id, row_number() OVER (ORDER BY (state <> 'offered'), priority, enqueued_at, id)::int AS place
       FROM chat_session WHERE language = 'pl' AND state IN ('waiting', 'offered')`,
    )).map((r) => [r.id, r.place]));
    await eventually(async () => {
      const places = await truth();
      return sockets.every((s, i) => (heard.get(s)!.at(-1)?.position ?? acks[i].position) === places.get(sessionOf.get(s)!));
    }, 20_000);
    // never two places within a second (less a margin for delivery)
    for (const events of heard.values()) {
      for (let i = 1; i < events.length; i++) expect(events[i].at - events[i - 1].at).toBeGreaterThan(800);
    }

    // no trigger was lost: a counsellor who comes on duty is offered the first in line at once
    const first = [...(await truth())].find(([, place]) => place === 1)![0];
    const desk = await counsellor(['pl']);
    const offer = next<{ sessionId: string }>(desk.socket, 'offer');
    await ask(desk.socket, 'presence:set', { status: 'available' });
    expect((await offer).sessionId).toBe(first);
  }, 90_000);
});

describe('the coalescing parts, on the real Redis', () => {
  // opened in beforeAll, not here: a run that skips these tests skips their afterAll too, and would keep it open
  let redis: IORedis;
  beforeAll(() => { redis = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'); });
  const prefix = `prystan-test-surge-${process.pid}-${Date.now()}`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('route triggers: a pass covers what it read, never less than a pass before it', async () => {
    const triggers = new RouteTriggers(redis, prefix);
    expect(await triggers.covered()).toBe(0);
    const taken = [await triggers.take(), await triggers.take(), await triggers.take()];
    expect(taken).toEqual([1, 2, 3]);
    const seen = await triggers.newest();
    const during = await triggers.take();
    await triggers.cover(seen);
    expect(await triggers.covered()).toBe(3);
    expect(during).toBeGreaterThan(await triggers.covered());
    // a slower pass that read less finishes later: the covered number does not go back
    await triggers.cover(1);
    expect(await triggers.covered()).toBe(3);
    // Redis lost both numbers (a flush) while a pass that had read 4 was running: it covers nothing new
    await redis.del(`${prefix}:routing:route-trigger`, `${prefix}:routing:route-covered`);
    const afterFlush = await triggers.take();
    await triggers.cover(4);
    expect(await triggers.covered()).toBeLessThan(afterFlush);
  });

  it('an interval gate runs bursts of requests at most once a second, and serves the last one', async () => {
    let state = 0;
    const runs: { at: number; saw: number }[] = [];
    const waiters: { value: number; resolve: () => void }[] = [];
    const gate = new IntervalGate(redis, `${prefix}:gate`, 1000, async () => {
      runs.push({ at: performance.now(), saw: state });
      waiters.filter((w) => state >= w.value).forEach((w) => w.resolve());
    }, (err) => { throw err; });
    const sawAtLeast = (value: number) => new Promise<void>((resolve) => waiters.push({ value, resolve }));
    const burst = async (to: number) => {
      const served = sawAtLeast(to);
      while (state < to) {
        state++;
        gate.request();
        await new Promise((r) => setImmediate(r));
      }
      await served;
    };
    await burst(10);
    await burst(20);
    gate.stop();
    // the second burst came while the gate was closed: it was served once it opened, by one run
    expect(runs.at(-1)!.saw).toBe(20);
    expect(runs.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < runs.length; i++) expect(runs[i].at - runs[i - 1].at).toBeGreaterThanOrEqual(900);
  });
});

/** The advisory lock a trigger below waits for before an arrival's INSERT goes on. */
const ARRIVAL_HOLD = 74_119_001;

describe('session starts, a few at a time', () => {
  let gatewayPort: number;
  beforeAll(async () => { gatewayPort = await freePort(); });
  const world = liveService(
    { SESSION_STARTS_PER_10MIN: '100000', SOCKETS_PER_ADDRESS: '100000', SESSION_STARTS_AT_ONCE: '1' },
    { gatewayEnv: () => ({ GATEWAY_METRICS_PORT: String(gatewayPort) }) },
  );
  const waiting = async () => valueOf((await scrape(gatewayPort)).samples, 'prystan_session_starts_waiting', {});
  const start = (socket: Socket) => ask(socket, 'session:start', { language: 'en', triage: { immediateDanger: false } }, 20_000);

  it('takes every arrival in, one after another, each told its exact place', async () => {
    const sockets = await Promise.all(Array.from({ length: 12 }, async () => world.keep(await connectSurvivor(world.base))));
    const acks = await Promise.all(sockets.map(start));
    expect(acks.every((a) => a.ok)).toBe(true);
    // run one at a time, each counts all who came before it: the places are 1 to 12, none twice
    expect(acks.map((a) => a.position as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await waiting()).toBe(0);
  });

  /** Arrivals' INSERTs wait while `holder` holds ARRIVAL_HOLD; `run` gets the holder; all is undone after. */
  async function holdingArrivals(run: (holder: Client) => Promise<void>): Promise<void> {
    await world.env.sql(`CREATE OR REPLACE FUNCTION hold_arrival() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock(${ARRIVAL_HOLD}); RETURN NEW; END $$`);
    await world.env.sql(`CREATE TRIGGER hold_arrival BEFORE INSERT ON chat_session FOR EACH ROW EXECUTE FUNCTION hold_arrival()`);
    const holder = new Client({ connectionString: world.env.databaseUrl });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [ARRIVAL_HOLD]);
      await run(holder);
    } finally {
      await holder.end();
      await world.env.sql(`DROP TRIGGER IF EXISTS hold_arrival ON chat_session`);
    }
  }
  /** Until an arrival's INSERT waits for the hold. */
  const anArrivalHeld = () => eventually(async () => (await world.env.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`, [ARRIVAL_HOLD]))[0].n === 1);
  const sessions = async () => (await world.env.sql<{ n: number }>(`SELECT count(*)::int AS n FROM chat_session`))[0].n;

  it('waits its turn, and starts no session for a survivor who left while she waited', async () => {
    await holdingArrivals(async (holder) => {
      const before = await sessions();
      const first = world.keep(await connectSurvivor(world.base));
      const leaving = world.keep(await connectSurvivor(world.base));
      const firstAck = start(first);
      // the first start holds the only turn (its INSERT waits for the lock); the second waits for a turn
      await anArrivalHeld();
      leaving.emit('session:start', { language: 'en', triage: { immediateDanger: false } });
      await eventually(async () => (await waiting()) === 1);
      leaving.close();
      await holder.query('SELECT pg_advisory_unlock($1)', [ARRIVAL_HOLD]);
      expect(await firstAck).toMatchObject({ ok: true });
      await eventually(async () => (await waiting()) === 0);
      // the one who stayed has her session; the one who left has none
      expect((await sessions()) - before).toBe(1);
      // and the next arrival is served as ever
      expect(await start(world.keep(await connectSurvivor(world.base)))).toMatchObject({ ok: true });
    });
  });

  it('refuses a second start on a connection whose first is still under way: one connection, one session', async () => {
    await holdingArrivals(async (holder) => {
      const before = await sessions();
      const survivor = world.keep(await connectSurvivor(world.base));
      const first = start(survivor);
      await anArrivalHeld();
      expect(await start(survivor)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      await holder.query('SELECT pg_advisory_unlock($1)', [ARRIVAL_HOLD]);
      expect(await first).toMatchObject({ ok: true });
      expect((await sessions()) - before).toBe(1);
      // once it is done, the usual rule answers: the session is live
      expect(await start(survivor)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });
  });
});
