import type { Socket } from 'socket.io-client';
import { ask, connectSurvivor, eventually, next, sleep, type Ack } from '../support/clients';
import { ResilientSurvivor } from '../support/resilient-survivor';
import { FaultWorld, recordTiming, type Counsellor } from './world';

/** The contract's bounds: new work after a dependency returns, a survivor back in their chat. */
const NEW_WORK_BOUND_MS = 2000;
const RESUME_BOUND_MS = 3000;
/** While a dependency is away an answer still comes, and soon: `unavailable`, never a hang. */
const FAST_FAILURE_MS = 3000;

const START = { language: 'pl', triage: { immediateDanger: false } };

/**
 * PostgreSQL restarts, Redis restarts, Redis is emptied, all under traffic: requests fail fast
 * while a dependency is away, new work succeeds within 2 s of its return, survivors go on.
 */
describe('faults: PostgreSQL and Redis', () => {
  const world = new FaultWorld();
  let counsellor: Counsellor;
  let survivors: ResilientSurvivor[] = [];
  const probes: Socket[] = [];

  beforeAll(async () => {
    await world.setUp();
    counsellor = await world.counsellor(10);
    survivors = await Promise.all([0, 0, 1, 1].map((i) => world.survivor(i)));
    await eventually(async () => survivors.every((s) => s.assigned), 20_000);
    world.startTraffic(survivors);
    await world.moreAcked(survivors, 3);
  });

  afterAll(async () => {
    probes.forEach((p) => p.close());
    await world.tearDown();
  });

  /** An acknowledgement, or undefined when none comes (the connection closed, or nothing within `timeoutMs`). */
  function answer(socket: Socket, event: string, payload: unknown, timeoutMs = 10_000): Promise<Ack | undefined> {
    return new Promise((resolve) => {
      const done = (ack?: Ack) => { clearTimeout(timer); socket.off('disconnect', dropped); resolve(ack); };
      const dropped = () => done(undefined);
      const timer = setTimeout(dropped, timeoutMs);
      socket.once('disconnect', dropped);
      socket.emit(event, payload, done);
    });
  }

  /** A new survivor on gateway A asks for a chat; resolves with the answer and how long it took. */
  async function probeStart(): Promise<{ ack?: Ack; ms: number }> {
    const began = Date.now();
    const socket = await connectSurvivor(world.gateways[0]).catch(() => undefined);
    if (!socket) return { ms: Date.now() - began };
    probes.push(socket);
    const ack = await answer(socket, 'session:start', START);
    return { ack, ms: Date.now() - began };
  }

  /** Milliseconds from `since` until a new survivor's session:start succeeds, and until they are assigned. */
  async function newWorkAfter(since: number): Promise<{ started: number; assigned: number }> {
    const probe = new ResilientSurvivor(world.gateways, `probe-${since}`);
    try {
      await probe.connect(0);
      await probe.start('pl');
      const started = Date.now() - since;
      await eventually(async () => probe.assigned, 20_000, 20);
      return { started, assigned: Date.now() - since };
    } finally {
      probe.close();
    }
  }

  /** Milliseconds from `since` until each survivor has a message sent after `since` acknowledged. */
  async function resumedAfter(since: number): Promise<number> {
    const from = survivors.map((s) => s.acked.size + s.pending.size);
    const at: number[] = [];
    await eventually(async () => {
      survivors.forEach((s, i) => { if (at[i] === undefined && s.acked.size > from[i]) at[i] = Date.now(); });
      return survivors.every((_, i) => at[i] !== undefined);
    }, 15_000, 20);
    return Math.max(...at) - since;
  }

  it('PostgreSQL restart: unavailable at once while it is away, new work within 2 s of its return', async () => {
    await world.pg.down();
    const away = await probeStart();
    const health = await fetch(`${world.gateways[0]}/api/health`, { signal: AbortSignal.timeout(FAST_FAILURE_MS + 2000) }).catch(() => undefined);
    const signInBegan = Date.now();
    const signIn = await fetch(`${world.gateways[0]}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.org', password: 'not-a-password' }),
      signal: AbortSignal.timeout(FAST_FAILURE_MS + 2000),
    }).catch(() => undefined);
    const signInMs = Date.now() - signInBegan;
    await world.pg.up();
    const back = Date.now();
    const [work, resumed] = await Promise.all([newWorkAfter(back), resumedAfter(back)]);
    recordTiming('PostgreSQL away: session:start answered after', away.ms);
    recordTiming('PostgreSQL back: new session:start succeeds after', work.started);
    recordTiming('PostgreSQL back: new survivor assigned after', work.assigned);
    recordTiming('PostgreSQL back: every survivor sending again after', resumed);
    expect(away.ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(away.ms).toBeLessThan(FAST_FAILURE_MS);
    expect(health?.status).toBe(503);
    expect({ status: signIn?.status, body: await signIn?.json() }).toEqual({ status: 503, body: { error: { code: 'unavailable', message: expect.any(String) } } });
    expect(signInMs).toBeLessThan(FAST_FAILURE_MS);
    expect(work.started).toBeLessThan(NEW_WORK_BOUND_MS);
    expect(resumed).toBeLessThan(RESUME_BOUND_MS);
    await world.moreAcked(survivors, 2);
    await world.assertNothingLostOrDoubled();
  });

  it('Redis restart (empty): unavailable at once while it is away, new work within 2 s, the bus and the line recover', async () => {
    await world.redis.kill();
    const away = await probeStart();
    await world.redis.start();
    const back = Date.now();
    const [work, resumed, relayed] = await Promise.all([
      newWorkAfter(back),
      resumedAfter(back),
      // a message from a survivor on A reaches the counsellor on B: the socket.io adapter hears the bus again
      (async () => {
        const from = counsellor.received.length;
        await eventually(async () => counsellor.received.length > from + survivors.length, 15_000, 20);
        return Date.now() - back;
      })(),
    ]);
    recordTiming('Redis away: session:start answered after', away.ms);
    recordTiming('Redis back: new session:start succeeds after', work.started);
    recordTiming('Redis back: new survivor assigned after', work.assigned);
    recordTiming('Redis back: every survivor sending again after', resumed);
    recordTiming('Redis back: messages relayed across gateways after', relayed);
    expect(away.ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(away.ms).toBeLessThan(FAST_FAILURE_MS);
    expect(work.started).toBeLessThan(NEW_WORK_BOUND_MS);
    expect(resumed).toBeLessThan(RESUME_BOUND_MS);
    await world.moreAcked(survivors, 2);
    await world.assertNothingLostOrDoubled();
  });

  it('Redis FLUSHALL: an offer whose timer was wiped still times out, and the waiting survivor is served', async () => {
    // a counsellor who never answers holds the only offer; the offer's timer and the sweep live in Redis
    const { socket: mute } = await world.counsellor(1, 'uk').then((c) => {
      c.socket.removeAllListeners('offer');
      c.socket.removeAllListeners('presence');
      return c;
    });
    const waiting = await connectSurvivor(world.gateways[0]);
    probes.push(waiting);
    const offered = next<{ sessionId: string }>(mute, 'offer');
    const started = await ask(waiting, 'session:start', { language: 'uk', triage: { immediateDanger: false } });
    expect((await offered).sessionId).toBe(started.sessionId);
    await world.redis.flushAll();
    const flushed = Date.now();
    const served = next(waiting, 'session:assigned', () => true, 30_000);
    await world.counsellor(1, 'uk');
    await served;
    recordTiming('Redis FLUSHALL: a wiped offer timed out and the survivor was served after', Date.now() - flushed);
    await world.moreAcked(survivors, 2);
    await world.stopTraffic();
    await world.assertNothingLostOrDoubled();
  });
});
