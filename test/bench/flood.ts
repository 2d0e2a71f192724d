import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { ask, connectStaff, connectSurvivor, login, next } from '../support/clients';
import { TestEnvironment } from '../support/environment';
import { freePort } from '../support/processes';
import { cpuShare } from './cpu';
import { collectGarbage } from './inspector';
import { ms, summary } from './stats';

/**
 * The surge scenario: FLOOD survivors arrive, BATCH at a time, in a language with nobody on
 * duty, while LIVE chats go on in another; then COUNSELLORS come on duty at once. Everything on
 * this machine, the load generator beside it. Prints numbers; asserts nothing.
 */
const FLOOD = Number(process.env.BENCH_FLOOD ?? 3000);
const BATCH = Number(process.env.BENCH_FLOOD_BATCH ?? 100);
const LIVE = Number(process.env.BENCH_FLOOD_LIVE ?? 10);
const COUNSELLORS = Number(process.env.BENCH_FLOOD_COUNSELLORS ?? 40);
/** gateways and workers (as many of each); survivors take the gateways in turn */
const NODES = Number(process.env.BENCH_FLOOD_NODES ?? 1);

interface LiveChat { survivor: Socket; counsellor: Socket; sessionId: string; sent: number }

/** One round trip per chat at a time, until `until()` says stop; returns each message's ack latency. */
async function talk(chats: LiveChat[], until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(chats.map(async (chat) => {
    while (!until()) {
      const t0 = performance.now();
      const ack = await ask(chat.survivor, 'message:send', { clientId: `f-${chat.sent++}`, text: 'still here' }, 30_000);
      if (ack.ok) latencies.push(performance.now() - t0);
      const t1 = performance.now();
      const back = await ask(chat.counsellor, 'message:send', { sessionId: chat.sessionId, clientId: `c-${chat.sent++}`, text: 'I am with you' }, 30_000);
      if (back.ok) latencies.push(performance.now() - t1);
    }
  }));
  return latencies;
}

/**
 * The gateway's heap and resident memory, from its own metrics endpoint, after a full garbage
 * collection asked for through its inspector (the gateway runs with --inspect on loopback).
 */
async function gatewayMemory(metricsUrl: string, inspectorPort: number): Promise<{ heap: number; rss: number }> {
  await collectGarbage(inspectorPort);
  const text = await (await fetch(metricsUrl)).text();
  const read = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { heap: read('nodejs_heap_size_used_bytes'), rss: read('process_resident_memory_bytes') };
}

/**
 * With BENCH_PG_STATEMENTS=1 (a PostgreSQL that preloads pg_stat_statements), the statements
 * that took the most time during the run, for docs/performance.md.
 */
async function statementStats(env: TestEnvironment): Promise<() => Promise<string[]>> {
  if (process.env.BENCH_PG_STATEMENTS !== '1') return async () => [];
  await env.sql('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await env.sql('SELECT pg_stat_statements_reset()');
  return async () => {
    const rows = await env.sql<{ calls: string; total: number; mean: number; query: string }>(
      `SELECT calls, round(total_exec_time)::int AS total, round(mean_exec_time::numeric, 2)::float8 AS mean, regexp_replace(query, '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       ORDER BY total_exec_time DESC LIMIT 12`);
    return ['  PostgreSQL, the statements that took longest in total (ms total, calls, ms mean):',
      ...rows.map((r) => `    ${String(r.total).padStart(7)}  ${String(r.calls).padStart(7)}  ${r.mean.toFixed(2).padStart(7)}  ${r.query.slice(0, 110)}`)];
  };
}

async function liveChats(env: TestEnvironment, base: string): Promise<LiveChat[]> {
  const chats: LiveChat[] = [];
  for (let i = 0; i < LIVE; i++) {
    const staff = await env.staff({ languages: ['uk'], maxChats: 1 });
    const counsellor = await connectStaff(base, await login(base, staff.email, staff.password));
    await ask(counsellor, 'presence:set', { status: 'available' });
    const survivor = await connectSurvivor(base);
    const offer = next<{ sessionId: string }>(counsellor, 'offer', undefined, 30_000);
    await ask(survivor, 'session:start', { language: 'uk', triage: { immediateDanger: false } });
    const { sessionId } = await offer;
    await ask(counsellor, 'offer:accept', { sessionId });
    await ask(counsellor, 'presence:set', { status: 'away' });
    chats.push({ survivor, counsellor, sessionId, sent: 0 });
  }
  return chats;
}

export async function flood(): Promise<string[]> {
  if (FLOOD <= 0) return [];
  const env = new TestEnvironment({
    LOG_LEVEL: 'info',
    SURVIVOR_EVENTS_PER_10S: '100000',
    STAFF_EVENTS_PER_10S: '100000',
    SESSION_STARTS_PER_10MIN: '100000',
    SOCKETS_PER_ADDRESS: '100000',
    // BENCH_STARTS_AT_ONCE=n sets the gateways' SESSION_STARTS_AT_ONCE (a large n: no limit)
    ...(process.env.BENCH_STARTS_AT_ONCE ? { SESSION_STARTS_AT_ONCE: process.env.BENCH_STARTS_AT_ONCE } : {}),
  });
  await env.setUp();
  const sockets: Socket[] = [];
  try {
    const metricsPort = await freePort();
    const inspectorPort = await freePort();
    // BENCH_PROFILE=dir writes the gateway's and the worker's CPU profiles there
    const profile = (name: string) => (process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`, `--cpu-prof-name=flood-${name}.cpuprofile`] : []);
    const base = await env.gateway({ GATEWAY_METRICS_PORT: String(metricsPort) }, [`--inspect=127.0.0.1:${inspectorPort}`, ...profile('gateway')]);
    const bases = [base];
    for (let i = 1; i < NODES; i++) bases.push(await env.gateway());
    for (let i = 0; i < NODES; i++) await env.worker({}, i === 0 ? profile('worker') : []);
    const statements = await statementStats(env);
    const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;

    const chats = await liveChats(env, base);
    chats.forEach((c) => sockets.push(c.survivor, c.counsellor));
    // counsellors for the flood's language, signed in now so that sign-in is not measured
    const waitingDesk = await Promise.all(Array.from({ length: COUNSELLORS }, async () => {
      const staff = await env.staff({ languages: ['pl'], maxChats: 1 });
      return connectStaff(base, await login(base, staff.email, staff.password));
    }));
    sockets.push(...waitingDesk);

    // the live chats alone, for the baseline
    const quietUntil = performance.now() + 5000;
    const quiet = summary(await talk(chats, () => performance.now() > quietUntil));
    const before = await gatewayMemory(metricsUrl, inspectorPort);

    // the flood, with the live chats talking throughout
    let flooding = true;
    const during = talk(chats, () => !flooding);
    const startLatencies: number[] = [];
    let accepted = 0;
    const refusals = new Map<string, number>();
    let positions = 0;
    const floodStarted = performance.now();
    const cpu = cpuShare();
    for (let from = 0; from < FLOOD; from += BATCH) {
      await Promise.all(Array.from({ length: Math.min(BATCH, FLOOD - from) }, async (_, i) => {
        const survivor = await connectSurvivor(bases[(from + i) % NODES]);
        sockets.push(survivor);
        survivor.on('queue:position', () => positions++);
        const t0 = performance.now();
        const ack = await ask(survivor, 'session:start', { language: 'pl', triage: { immediateDanger: false } }, 60_000).catch(() => undefined);
        startLatencies.push(performance.now() - t0);
        if (ack?.ok) accepted++;
        else refusals.set(ack?.error?.code ?? 'no answer', (refusals.get(ack?.error?.code ?? 'no answer') ?? 0) + 1);
      }));
    }
    const floodSeconds = (performance.now() - floodStarted) / 1000;
    const cpuInFlood = cpu('the flood');
    flooding = false;
    const loaded = summary(await during);
    const after = await gatewayMemory(metricsUrl, inspectorPort);
    const positionsInFlood = positions;

    // counsellors come on duty at once: how long until each has an offer
    const t0 = performance.now();
    const offers = waitingDesk.map((s) => next(s, 'offer', undefined, 120_000).then(() => performance.now() - t0, () => undefined));
    await Promise.all(waitingDesk.map((s) => ask(s, 'presence:set', { status: 'available' })));
    const offerTimes = (await Promise.all(offers)).filter((t): t is number => t !== undefined);
    const toOffers = offerTimes.length === COUNSELLORS ? `last offer after ${ms(Math.max(...offerTimes))}` : `only ${offerTimes.length} had an offer within 120 s`;

    const start = summary(startLatencies);
    const topStatements = await statements();
    return [
      `flood: ${FLOOD} survivors arriving ${BATCH} at a time while ${LIVE} chats are live (${NODES === 1 ? 'one gateway, one worker' : `${NODES} gateways, ${NODES} workers`}); [the aim]`,
      `  survivors accepted: ${accepted} of ${FLOOD} in ${floodSeconds.toFixed(1)} s (${(accepted / floodSeconds).toFixed(0)} per second) [all, >= 300 per second]${refusals.size ? `; refused: ${[...refusals].map(([code, n]) => `${code} ${n}`).join(', ')}` : ''}`,
      `  session:start acknowledgement: p50 ${ms(start.p50)}  p99 ${ms(start.p99)}  max ${ms(start.max)} [p99 <= 250 ms]`,
      `  live chats' message acknowledgement: p50 ${ms(quiet.p50)}  p99 ${ms(quiet.p99)} without the flood; p50 ${ms(loaded.p50)}  p99 ${ms(loaded.p99)} during it (${(loaded.p99 / quiet.p99).toFixed(1)}x) [<= 2x]`,
      `  gateway memory per waiting survivor: heap ${((after.heap - before.heap) / (FLOOD / NODES) / 1024).toFixed(1)} KB  resident ${((after.rss - before.rss) / (FLOOD / NODES) / 1024).toFixed(1)} KB (the first gateway, after a full collection) [<= 30 KB]`,
      `  queue:position events received during the flood: ${positionsInFlood} (${(positionsInFlood / FLOOD).toFixed(1)} per survivor) [only on a change, at most one a second each]`,
      `  ${COUNSELLORS} counsellors come on duty at once: ${toOffers} [<= 1 s]`,
      ...cpuInFlood,
      ...topStatements,
    ];
  } finally {
    sockets.forEach((s) => s.close());
    await env.tearDown();
  }
}
