import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { ask, connectStaff, connectSurvivor, login, next } from '../support/clients';
import { TestEnvironment } from '../support/environment';
import { join } from 'node:path';
import { anchorSocket, startAnchor } from './anchors';
import { cpuShare } from './cpu';
import { profilePhase } from './inspector';
import { freePort } from '../support/processes';
import { flood } from './flood';
import { ms, summary } from './stats';

/**
 * `npm run bench`: the real path (survivors arriving, counsellors accepting, messages both
 * ways) through a real gateway and worker on PostgreSQL, Redis and BullMQ, beside the bare and
 * the durable relay (test/bench/anchors) measured in the same run on the same machine, driven
 * by the same closed-loop client; then the surge. Prints numbers; asserts nothing.
 */
const CHATS = Number(process.env.BENCH_CHATS ?? 200);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 100);

/** Two ends of a chat and how each sends; the other end receives `message`. */
interface Pair { a: Socket; b: Socket; sendA: (i: number) => Promise<unknown>; sendB: (i: number) => Promise<unknown> }

/**
 * Closed loop: every chat sends MESSAGES messages, alternating ends, each after the last one
 * arrived. Latency is from sending to the other end's receipt.
 */
async function closedLoop(name: string, pairs: Pair[]) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(pairs.map(async (pair) => {
    for (let i = 0; i < MESSAGES; i++) {
      const [send, receiver] = i % 2 === 0 ? [pair.sendA, pair.b] : [pair.sendB, pair.a];
      const t0 = performance.now();
      const got = next(receiver, 'message', undefined, 30_000);
      const acked = await send(i) as { ok?: boolean; error?: { code: string } };
      if (acked.ok === false) throw new Error(`${name}: message ${i} refused: ${acked.error?.code}`);
      await got.catch((err: Error) => { throw new Error(`${name}: ${err.message}`); });
      latencies.push(performance.now() - t0);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  return { latency: summary(latencies), perSecond: latencies.length / seconds };
}

async function anchorRelay(name: 'bare' | 'durable', env: TestEnvironment) {
  const anchor = await startAnchor(name, env.deps);
  try {
    const pairs: Pair[] = [];
    for (let i = 0; i < CHATS; i++) {
      const [a, b] = [await anchorSocket(anchor.url, `pair${i}`), await anchorSocket(anchor.url, `pair${i}`)];
      const send = (s: Socket, who: string) => (n: number) => ask(s, 'message:send', { clientId: `${who}${n}`, text: `${who} message ${n}` }, 30_000);
      pairs.push({ a, b, sendA: send(a, 'a'), sendB: send(b, 'b') });
    }
    const result = await closedLoop(name, pairs);
    pairs.forEach((p) => { p.a.close(); p.b.close(); });
    return result;
  } finally {
    await anchor.stop();
  }
}

/** Time to offer: one counsellor free, survivors arriving one after another. */
async function timeToOffer(env: TestEnvironment, base: string): Promise<number[]> {
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
  return toOffer;
}

/** CHATS live chats through Prystan, each a counsellor (then away, so no other chat comes) and a survivor. */
async function prystanPairs(env: TestEnvironment, base: string): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let i = 0; i < CHATS; i++) {
    const counsellor = await env.staff({ languages: ['uk'], maxChats: 1 });
    const cs = await connectStaff(base, await login(base, counsellor.email, counsellor.password));
    await ask(cs, 'presence:set', { status: 'available' });
    const survivor = await connectSurvivor(base);
    const offer = next<{ sessionId: string }>(cs, 'offer');
    await ask(survivor, 'session:start', { language: 'uk', triage: { immediateDanger: false } });
    const { sessionId } = await offer;
    await ask(cs, 'offer:accept', { sessionId });
    await ask(cs, 'presence:set', { status: 'away' });
    pairs.push({
      a: survivor,
      b: cs,
      sendA: (n: number) => ask(survivor, 'message:send', { clientId: `s${n}`, text: `survivor message ${n}` }, 30_000),
      sendB: (n: number) => ask(cs, 'message:send', { sessionId, clientId: `c${n}`, text: `counsellor message ${n}` }, 30_000),
    });
  }
  return pairs;
}

async function steadyState(): Promise<string[]> {
  const env = new TestEnvironment({
    LOG_LEVEL: 'info', // the production default
    SURVIVOR_EVENTS_PER_10S: '100000',
    STAFF_EVENTS_PER_10S: '100000',
    SESSION_STARTS_PER_10MIN: '100000',
    SOCKETS_PER_ADDRESS: '100000',
  });
  await env.setUp();
  try {
    // BENCH_PROFILE=dir writes there the gateway's CPU profile of the relay alone
    const inspectorPort = await freePort();
    const base = await env.gateway({}, process.env.BENCH_PROFILE ? [`--inspect=127.0.0.1:${inspectorPort}`] : []);
    await env.worker();
    const offer = summary(await timeToOffer(env, base));
    const pairs = await prystanPairs(env, base);
    const stopProfile = process.env.BENCH_PROFILE ? await profilePhase(inspectorPort, join(process.env.BENCH_PROFILE, 'relay-gateway.cpuprofile')) : undefined;
    const cpu = cpuShare();
    const prystan = await closedLoop('Prystan', pairs);
    const cpuInRelay = cpu("Prystan's relay");
    await stopProfile?.();
    pairs.forEach((p) => { p.a.close(); p.b.close(); });
    const durable = await anchorRelay('durable', env);
    const bare = await anchorRelay('bare', env);
    const row = (name: string, r: typeof bare) =>
      `  ${name.padEnd(8)} ${r.perSecond.toFixed(0).padStart(6)} msg/s  ${(r.perSecond / bare.perSecond).toFixed(2).padStart(5)}x bare   p50 ${ms(r.latency.p50)}  p99 ${ms(r.latency.p99)}  (${(r.latency.p99 / bare.latency.p99).toFixed(1)}x bare's p99)`;
    return [
      `time to offer (counsellor free), n=${offer.n}: p50 ${ms(offer.p50)}  p95 ${ms(offer.p95)}  p99 ${ms(offer.p99)}  max ${ms(offer.max)}`,
      `relay, ${CHATS} chats x ${MESSAGES} messages, closed loop, the same client for all three:`,
      row('Prystan', prystan),
      row('durable', durable),
      row('bare', bare),
      `  (a Prystan message is validated, sealed with AES-256-GCM, group-committed to PostgreSQL and relayed through the Redis adapter before its acknowledgement, and inspected for risk after it)`,
      ...cpuInRelay,
    ];
  } finally {
    await env.tearDown();
  }
}

async function main() {
  // BENCH_ONLY=flood runs the surge alone
  if (process.env.BENCH_ONLY !== 'flood') process.stdout.write(`${(await steadyState()).join('\n')}\n`);
  // the surge (BENCH_FLOOD=0 skips it), on an environment of its own
  const surge = await flood();
  if (surge.length > 0) process.stdout.write(`${surge.join('\n')}\n`);
}

main().then(() => process.exit(0), (err) => { process.stderr.write(`${err.stack}\n`); process.exit(1); });
