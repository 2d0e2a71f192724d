import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { ask, connectStaff, connectSurvivor, login, next } from '../support/clients';
import { TestEnvironment } from '../support/environment';
import { flood } from './flood';
import { ms, summary } from './stats';

/**
 * `npm run bench`: the real path (survivors arriving, counsellors accepting, messages both
 * ways) through a real gateway and worker on PostgreSQL, Redis and BullMQ, beside a bare
 * socket.io relay measured in the same run on the same machine. Prints numbers; asserts nothing.
 */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 100);

async function pingPong(pairs: { a: Socket; b: Socket; sendA: (i: number) => Promise<unknown>; sendB: (i: number) => Promise<unknown> }[]) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(pairs.map(async (pair) => {
    for (let i = 0; i < ROUNDS; i++) {
      for (const [send, receiver] of [[pair.sendA, pair.b], [pair.sendB, pair.a]] as const) {
        const t0 = performance.now();
        const got = next(receiver, 'message', undefined, 10_000);
        await send(i);
        await got;
        latencies.push(performance.now() - t0);
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return { latency: summary(latencies), perSecond: latencies.length / seconds };
}

async function bareRelay() {
  const child = spawn(process.execPath, [join(__dirname, 'bare-relay.js'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).split(' ')[1]))));
  const connect = async () => {
    const s = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((r) => s.once('connect', () => r()));
    return s;
  };
  const pairs = [];
  for (let i = 0; i < PAIRS; i++) {
    const a = await connect();
    const b = await connect();
    await new Promise<void>((r) => a.emit('join', `room${i}`, r));
    await new Promise<void>((r) => b.emit('join', `room${i}`, r));
    pairs.push({ a, b, sendA: (n: number) => ask(a, 'relay', { room: `room${i}`, text: `survivor ${n}` }), sendB: (n: number) => ask(b, 'relay', { room: `room${i}`, text: `counsellor ${n}` }) });
  }
  const result = await pingPong(pairs);
  pairs.forEach((p) => { p.a.close(); p.b.close(); });
  child.kill('SIGTERM');
  return result;
}

async function main() {
  const env = new TestEnvironment({
    LOG_LEVEL: 'info', // the production default
    SURVIVOR_EVENTS_PER_10S: '100000',
    STAFF_EVENTS_PER_10S: '100000',
    SESSION_STARTS_PER_10MIN: '100000',
  });
  await env.setUp();
  try {
    // BENCH_PROFILE=dir writes the gateway's CPU profile there
    const base = await env.gateway({}, process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []);
    await env.worker();

    // time to offer: one counsellor free, survivors arriving one after another
    const c = await env.staff({ languages: ['pl'], maxChats: 1 });
    const staff = await connectStaff(base, await login(base, c.email, c.password));
    await ask(staff, 'presence:set', { status: 'available' });
    const toOffer: number[] = [];
    for (let i = 0; i < OFFERS; i++) {
      const survivor = await connectSurvivor(base);
      const t0 = performance.now();
      const offer = next<{ sessionId: string }>(staff, 'offer');
      await ask(survivor, 'session:start', { language: 'pl', triage: { immediateDanger: false } });
      const { sessionId } = await offer;
      toOffer.push(performance.now() - t0);
      await ask(staff, 'offer:accept', { sessionId });
      await ask(staff, 'session:close', { sessionId, outcome: 'test', riskLevel: 'none', categories: [] });
      survivor.close();
    }
    staff.close();

    // relay: PAIRS live chats, messages both ways
    const pairs = [];
    for (let i = 0; i < PAIRS; i++) {
      const counsellor = await env.staff({ languages: ['uk'], maxChats: 1 });
      const cs = await connectStaff(base, await login(base, counsellor.email, counsellor.password));
      await ask(cs, 'presence:set', { status: 'available' });
      const survivor = await connectSurvivor(base);
      const offer = next<{ sessionId: string }>(cs, 'offer');
      await ask(survivor, 'session:start', { language: 'uk', triage: { immediateDanger: false } });
      const { sessionId } = await offer;
      await ask(cs, 'offer:accept', { sessionId });
      await ask(cs, 'presence:set', { status: 'away' });
      let n = 0;
      pairs.push({
        a: survivor,
        b: cs,
        sendA: (i: number) => ask(survivor, 'message:send', { clientId: `s${i}-${n++}`, text: `survivor message ${i}` }),
        sendB: (i: number) => ask(cs, 'message:send', { sessionId, clientId: `c${i}-${n++}`, text: `counsellor message ${i}` }),
      });
    }
    const prystan = await pingPong(pairs);
    pairs.forEach((p) => { p.a.close(); p.b.close(); });
    const bare = await bareRelay();

    const offer = summary(toOffer);
    const lines = [
      `time to offer (counsellor free), n=${offer.n}: p50 ${ms(offer.p50)}  p95 ${ms(offer.p95)}  p99 ${ms(offer.p99)}  max ${ms(offer.max)}`,
      `relay latency, Prystan (${PAIRS} chats, ${ROUNDS} round trips each): p50 ${ms(prystan.latency.p50)}  p95 ${ms(prystan.latency.p95)}  p99 ${ms(prystan.latency.p99)}`,
      `relay latency, bare socket.io:                   p50 ${ms(bare.latency.p50)}  p95 ${ms(bare.latency.p95)}  p99 ${ms(bare.latency.p99)}`,
      `messages per second: Prystan ${prystan.perSecond.toFixed(0)}  bare ${bare.perSecond.toFixed(0)}  ratio ${(prystan.perSecond / bare.perSecond).toFixed(2)}`,
      `(every Prystan message is validated, sealed with AES-256-GCM, written to PostgreSQL and relayed through the Redis adapter)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await env.tearDown();
  }
  // the surge (BENCH_FLOOD=0 skips it), on an environment of its own
  const surge = await flood();
  if (surge.length > 0) process.stdout.write(`${surge.join('\n')}\n`);
}

main().then(() => process.exit(0), (err) => { process.stderr.write(`${err.stack}\n`); process.exit(1); });
