import { randomUUID } from 'node:crypto';
import { CATALOGUE } from '@prystan/metrics';
import { actors } from './support/actors';
import { ask, connectSurvivor, eventually, login, next } from './support/clients';
import { liveService } from './support/live-service';
import { freePort, type AppProcess } from './support/processes';
import { metricNames, monitoringQueries } from './support/promql';
import { listeningPorts, parseMetrics, scrape, valueOf, type Sample } from './support/prometheus';
import { TcpProxy } from './support/tcp-proxy';
import { addService, mobileTeam } from './support/services';
import { webhookReceiver } from './support/webhook-receiver';

/** Prystan's own metrics by name (histograms under their _bucket, _sum and _count series too). */
const OWN = new Map<string, { labels: Record<string, readonly string[]>; histogram: boolean }>();
for (const def of Object.values(CATALOGUE)) {
  const histogram = 'buckets' in def;
  OWN.set(def.name, { labels: def.labels, histogram });
  if (histogram) for (const suffix of ['_bucket', '_sum', '_count']) OWN.set(def.name + suffix, { labels: def.labels, histogram });
}
/** prom-client's default Node.js metrics carry these labels, with values about the runtime only. */
const RUNTIME_LABELS = new Set(['space', 'kind', 'type', 'version', 'major', 'minor', 'patch', 'le']);

/** Every label of every sample comes from a fixed enumeration: never an id, a name, an address or text. */
function labelViolations(samples: Sample[]): string[] {
  const bad: string[] = [];
  for (const s of samples) {
    const own = OWN.get(s.name);
    for (const [label, value] of Object.entries(s.labels)) {
      if (own) {
        if (label === 'le' && own.histogram && s.name.endsWith('_bucket')) continue;
        if (!own.labels[label]?.includes(value)) bad.push(`${s.name}{${label}="${value}"}`);
      } else if (!/^(process|nodejs)_/.test(s.name) || !RUNTIME_LABELS.has(label) || !/^[A-Za-z0-9_.+-]{1,40}$/.test(value) || /^\d+\.\d+\.\d+\.\d+$/.test(value)) {
        bad.push(`${s.name}{${label}="${value}"}`);
      }
    }
    if (!own && !/^(process|nodejs)_/.test(s.name)) bad.push(`unknown metric ${s.name}`);
  }
  return bad;
}

async function health(port: number): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe('metrics and health on their own ports', () => {
  // the webhook receiver listens on loopback, which webhooks reach only with ALLOW_PRIVATE_WEBHOOKS
  const receiver = webhookReceiver();
  let gatewayPort: number;
  let workerPort: number;
  // the ports first: the processes are started on them
  beforeAll(async () => {
    gatewayPort = await freePort();
    workerPort = await freePort();
  });
  const live = liveService({ OFFER_TIMEOUT_SECONDS: '5', ALLOW_PRIVATE_WEBHOOKS: 'true' }, {
    gatewayEnv: () => ({ GATEWAY_METRICS_PORT: String(gatewayPort) }),
    workerEnv: () => ({ WORKER_METRICS_PORT: String(workerPort) }),
  });
  const { env } = live;
  const people = actors(live);
  let worker: AppProcess;
  beforeAll(() => {
    worker = live.workers[0];
  });

  const counsellor = (languages: string[]) => people.counsellor(languages, { name: `Counsellor ${randomUUID().slice(0, 6)}` });
  const survivor = async () => live.keep(await connectSurvivor(live.base));

  /** A mobile team reached through `channel`, added by an admin of its own. */
  async function addTeam(channel: object): Promise<string> {
    const admin = await env.staff({ role: 'admin' });
    return addService(live.base, await login(live.base, admin.email, admin.password), mobileTeam(channel));
  }

  it('both processes answer /health 200 on their metrics ports, and nothing else there', async () => {
    expect(await health(gatewayPort)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await health(workerPort)).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await fetch(`http://127.0.0.1:${gatewayPort}/api/queue`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${workerPort}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('counts a chat, its offer, its messages and its escalations; the line gauges follow', async () => {
    const [gw0, wk0] = [(await scrape(gatewayPort)).samples, (await scrape(workerPort)).samples];
    const secrets: string[] = [];

    // a survivor in immediate danger waits with nobody on duty in Polish
    const s = await survivor();
    const started = await ask(s, 'session:start', { language: 'pl', triage: { immediateDanger: true } });
    expect(started.ok).toBe(true);
    secrets.push(String(started.sessionId), String(started.resumeToken));
    const waiting = await eventually(async () => {
      const { samples } = await scrape(workerPort);
      return valueOf(samples, 'prystan_sessions_waiting', { language: 'pl', priority: 'danger' }) === 1 ? samples : undefined;
    });
    expect(valueOf(waiting, 'prystan_longest_wait_seconds', { language: 'pl' })).toBeGreaterThan(0);
    expect(valueOf(waiting, 'prystan_longest_wait_by_class_seconds', { language: 'pl', priority: 'danger' })).toBeGreaterThan(0);
    expect(valueOf(waiting, 'prystan_longest_wait_by_class_seconds', { language: 'pl', priority: 'other' })).toBe(0);
    expect(valueOf(waiting, 'prystan_counsellors', { language: 'pl', status: 'available' })).toBe(0);
    expect(valueOf(waiting, 'prystan_sessions_waiting', { language: 'uk', priority: 'other' })).toBe(0);

    // a counsellor comes on duty, is offered the chat and takes it
    const c = await counsellor(['pl']);
    secrets.push(c.id, c.name, c.email);
    const offer = next<{ sessionId: string }>(c.socket, 'offer');
    await ask(c.socket, 'presence:set', { status: 'available' });
    const { sessionId } = await offer;
    expect((await ask(c.socket, 'offer:accept', { sessionId })).ok).toBe(true);

    const marker = `MARKER-${randomUUID()}`;
    secrets.push(marker);
    for (let i = 0; i < 3; i++) expect((await ask(s, 'message:send', { clientId: randomUUID(), text: `${marker} ${i}` })).ok).toBe(true);
    for (let i = 0; i < 2; i++) expect((await ask(c.socket, 'message:send', { sessionId, clientId: randomUUID(), text: `${marker} reply ${i}` })).ok).toBe(true);

    // a webhook escalation, delivered and acknowledged, and a phone one
    const hookService = await addTeam({ type: 'webhook', url: receiver.url, secret: 'webhook-secret-for-tests-0123456789' });
    const phoneService = await addTeam({ type: 'phone' });
    const delivered = next<{ status: string }>(c.socket, 'escalation:status', (e) => e.status === 'delivered', 20_000);
    const created = await ask(c.socket, 'escalation:create', { sessionId, serviceId: hookService, urgency: 'immediate', consent: true, details: { summary: marker, callbackPhone: '+48 600 000 000' } });
    expect(created.ok).toBe(true);
    secrets.push(String(created.escalationId), '600 000 000');
    await delivered;
    const ackPath = new URL((receiver.requests[0].body as { ackUrl: string }).ackUrl).pathname;
    expect((await fetch(`${live.base}${ackPath}`, { method: 'POST' })).status).toBe(200);
    expect((await ask(c.socket, 'escalation:create', { sessionId, serviceId: phoneService, urgency: 'today', consent: true, details: { summary: marker } })).ok).toBe(true);

    // a Ukrainian chat offered to someone who does not answer: the offer expires
    const quiet = await counsellor(['uk']);
    const s2 = await survivor();
    const offered = next<{ sessionId: string }>(quiet.socket, 'offer');
    await ask(quiet.socket, 'presence:set', { status: 'available' });
    await ask(s2, 'session:start', { language: 'uk', triage: { immediateDanger: false, forWhom: 'self', ageGroup: 'adult' } });
    const { sessionId: ukSession } = await offered;
    await next(quiet.socket, 'offer:withdrawn', (w: { sessionId: string; reason: string }) => w.sessionId === ukSession && w.reason === 'timeout', 15_000);

    const gw = (await scrape(gatewayPort)).samples;
    const wk = await eventually(async () => {
      const { samples } = await scrape(workerPort);
      return valueOf(samples, 'prystan_sessions_waiting', { language: 'pl', priority: 'danger' }) === 0 ? samples : undefined;
    });
    const moved = (samples: Sample[], before: Sample[], name: string, labels: Record<string, string>) => valueOf(samples, name, labels) - valueOf(before, name, labels);

    // the gateway counted what it saw
    expect(moved(gw, gw0, 'prystan_sessions_started_total', { language: 'pl' })).toBe(1);
    expect(moved(gw, gw0, 'prystan_sessions_started_total', { language: 'uk' })).toBe(1);
    expect(moved(gw, gw0, 'prystan_messages_total', { from: 'survivor' })).toBe(3);
    expect(moved(gw, gw0, 'prystan_messages_total', { from: 'counsellor' })).toBe(2);
    expect(moved(gw, gw0, 'prystan_messages_total', { from: 'system' })).toBe(2); // the two safety checks
    expect(moved(gw, gw0, 'prystan_offers_total', { outcome: 'accepted' })).toBe(1);
    expect(moved(gw, gw0, 'prystan_escalations_total', { channel: 'webhook', outcome: 'raised' })).toBe(1);
    expect(moved(gw, gw0, 'prystan_escalations_total', { channel: 'webhook', outcome: 'acknowledged' })).toBe(1);
    expect(moved(gw, gw0, 'prystan_escalations_total', { channel: 'phone', outcome: 'raised' })).toBe(1);
    expect(moved(gw, gw0, 'prystan_message_ack_seconds_count', { from: 'survivor' })).toBe(3);
    expect(moved(gw, gw0, 'prystan_message_ack_seconds_count', { from: 'counsellor' })).toBe(2);
    expect(valueOf(gw, 'prystan_bus_hearing')).toBe(1);
    expect(valueOf(gw, 'prystan_socket_connections', { namespace: 'chat' })).toBeGreaterThanOrEqual(2);
    expect(valueOf(gw, 'prystan_dependency_up', { dependency: 'bus' })).toBe(1);

    // the worker counted what it did, and reads the line
    expect(moved(wk, wk0, 'prystan_escalations_total', { channel: 'webhook', outcome: 'delivered' })).toBe(1);
    expect(moved(wk, wk0, 'prystan_offers_total', { outcome: 'expired' })).toBe(1);
    expect(moved(wk, wk0, 'prystan_time_to_offer_seconds_count', { language: 'pl', priority: 'danger' })).toBe(1);
    expect(valueOf(wk, 'prystan_counsellors', { language: 'pl', status: 'busy' })).toBe(1);
    expect(valueOf(wk, 'prystan_counsellors', { language: 'uk', status: 'away' })).toBe(1); // set away by the timeout
    expect(valueOf(wk, 'prystan_escalation_unacknowledged_seconds', { channel: 'webhook' })).toBe(0);
    expect(valueOf(wk, 'prystan_escalation_unacknowledged_seconds', { channel: 'phone' })).toBeGreaterThan(0);
    for (const dependency of ['postgres', 'redis', 'queues']) expect(valueOf(wk, 'prystan_dependency_up', { dependency })).toBe(1);
    expect(wk.some((x) => x.name === 'prystan_jobs' && x.labels.queue === 'escalations' && x.labels.state === 'failed')).toBe(true);
    for (const name of ['process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds']) {
      expect(gw.some((x) => x.name === name)).toBe(true);
      expect(wk.some((x) => x.name === name)).toBe(true);
    }

    // after real traffic, every label of both processes is from an enumeration, and nothing personal is anywhere
    const texts = [(await scrape(gatewayPort)).text, (await scrape(workerPort)).text];
    for (const text of texts) {
      expect(labelViolations(parseMetrics(text))).toEqual([]);
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it('the dashboard and the alert rules ask only for metrics the processes export', async () => {
    const exported = new Set(['up']); // Prometheus' own, per target
    for (const port of [gatewayPort, workerPort]) {
      for (const m of (await scrape(port)).text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
        exported.add(m[1]);
        if (m[2] === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exported.add(m[1] + suffix);
      }
    }
    const queries = monitoringQueries();
    expect(queries.length).toBeGreaterThan(25);
    const used = queries.flatMap(({ where, expr }) => metricNames(expr).map((name) => ({ where, name })));
    expect(new Set(used.map((u) => u.name)).size).toBeGreaterThan(15);
    expect(used.filter((u) => !exported.has(u.name))).toEqual([]);
  });

  it('does not open a metrics port when it is 0, and says so', async () => {
    const port = Number(new URL(await env.gateway()).port);
    const gateway = env.processes[env.processes.length - 1];
    const off = await env.worker();
    expect(gateway.log).toContain('metrics off (GATEWAY_METRICS_PORT=0)');
    expect(off.log).toContain('metrics off (WORKER_METRICS_PORT=0)');
    expect(listeningPorts(gateway.pid!)).toEqual([port]);
    expect(listeningPorts(off.pid!)).toEqual([]);
    expect(listeningPorts(worker.pid!)).toEqual([workerPort]);
  }, 90_000);

  it('refuses to start on a metrics host or port it cannot use, saying which', async () => {
    await expect(env.worker({ WORKER_METRICS_PORT: String(await freePort()), METRICS_HOST: 'metrics.example.org' })).rejects.toThrow(/exited with 78[\s\S]*METRICS_HOST must be an IP address/);
    await expect(env.gateway({ GATEWAY_METRICS_PORT: String(gatewayPort) })).rejects.toThrow(/exited with 78[\s\S]*Cannot serve metrics on 127\.0\.0\.1:\d+: the port is taken/);
    await expect(env.worker({ WORKER_METRICS_PORT: String(await freePort()), METRICS_HOST: '192.0.2.1' })).rejects.toThrow(/exited with 78[\s\S]*no such address on this machine/);
  }, 120_000);

  it('a worker whose PostgreSQL stops answering says 503 on /health and 0 in prystan_dependency_up, and 200 again when it is back', async () => {
    const proxy = new TcpProxy(5432);
    await proxy.open();
    const port = await freePort();
    const cut = await env.worker({ WORKER_METRICS_PORT: String(port), DATABASE_URL: env.databaseUrl.replace('127.0.0.1:5432', `127.0.0.1:${proxy.port}`) });
    expect((await health(port)).status).toBe(200);

    await proxy.close();
    const down = await eventually(async () => {
      const h = await health(port);
      return h.status === 503 ? h : undefined;
    });
    expect(down.body).toEqual({ status: 'unavailable', postgres: 'down', redis: 'ok', queues: 'ok' });
    const { samples } = await scrape(port);
    expect(valueOf(samples, 'prystan_dependency_up', { dependency: 'postgres' })).toBe(0);
    expect(valueOf(samples, 'prystan_dependency_up', { dependency: 'redis' })).toBe(1);
    // what cannot be read is absent, never a stale number
    expect(samples.some((x) => x.name === 'prystan_sessions_waiting')).toBe(false);

    await proxy.open();
    try {
      await eventually(async () => (await health(port)).status === 200, 15_000);
    } finally {
      await proxy.close();
    }
  });
});
