import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { ask, eventually, login } from '../support/clients';
import type { ResilientSurvivor } from '../support/resilient-survivor';
import { FaultWorld, recordTiming } from './world';

const SECRET = 'webhook-secret-for-the-fault-suite-0123';

/**
 * A crisis service's webhook that counts deliveries the way a service would: a 2xx answer
 * that reached the worker, by Idempotency-Key. `hold` keeps the next request unanswered
 * until the test lets it go, so a worker can be killed in the middle of a delivery.
 */
class CountingReceiver {
  readonly delivered = new Map<string, number>();
  readonly requests: string[] = [];
  port = 0;
  private server?: Server;
  private held?: { key: string; res: ServerResponse };
  private hold = false;
  private onHeld?: () => void;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const key = String(req.headers['idempotency-key']);
        this.requests.push(key);
        if (this.hold) {
          this.hold = false;
          this.held = { key, res };
          this.onHeld?.();
          return;
        }
        this.answer(key, res);
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Resolves when the next request has arrived and is being held. */
  holdNext(): Promise<void> {
    this.hold = true;
    return new Promise((resolve) => (this.onHeld = resolve));
  }

  /** Answers the held request now (its worker may be gone: then it does not count). */
  release(): void {
    if (this.held) this.answer(this.held.key, this.held.res);
    this.held = undefined;
  }

  private answer(key: string, res: ServerResponse): void {
    if (res.socket?.destroyed || !res.socket?.writable) return;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}', () => {
      this.delivered.set(key, (this.delivered.get(key) ?? 0) + 1);
    });
  }

  stop(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}

/** A worker killed with -9 while it routes or while it delivers an escalation: nobody is lost, nothing is sent twice. */
describe('faults: workers', () => {
  const world = new FaultWorld();
  const receiver = new CountingReceiver();
  let traffic: ResilientSurvivor[] = [];

  beforeAll(async () => {
    await receiver.start();
    await world.setUp({ ALLOW_PRIVATE_WEBHOOKS: 'true', PUBLIC_URL: 'http://127.0.0.1:9' });
    await world.counsellor(10);
    traffic = await Promise.all([0, 1].map((i) => world.survivor(i)));
    await eventually(async () => traffic.every((s) => s.assigned), 20_000);
    world.startTraffic(traffic);
  });

  afterAll(async () => {
    receiver.stop();
    await world.tearDown();
  });

  it('a worker killed mid-routing: every survivor is still served, none offered twice at once or assigned twice', async () => {
    const counsellors = await Promise.all([0, 1, 2].map(() => world.counsellor(4, 'uk')));
    const offersBefore = counsellors.map((c) => c.offers.length);
    const [doomed] = world.workers;
    const starting = Array.from({ length: 10 }, (_, i) => world.survivor(i % 2, 'uk'));
    // the first offer means routing is under way: kill a worker then
    await eventually(async () => counsellors.some((c, i) => c.offers.length > offersBefore[i]), 20_000, 5);
    await doomed.signal('SIGKILL');
    const killed = Date.now();
    const survivors = await Promise.all(starting);
    await eventually(async () => survivors.every((s) => s.assigned), 30_000);
    recordTiming('worker kill -9 mid-routing: every new survivor assigned after', Date.now() - killed);
    await doomed.start();
    const rows = await world.env.sql<{ id: string; counsellor_id: string; state: string }>(
      `SELECT id, counsellor_id, state FROM chat_session WHERE language = 'uk'`,
    );
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.state === 'active' && r.counsellor_id)).toBe(true);
    // an offer goes to one counsellor at a time: a session offered twice was offered again only after the first went
    const offered = counsellors.flatMap((c, i) => c.offers.slice(offersBefore[i]));
    expect(new Set(offered).size).toBeGreaterThanOrEqual(10);
    await world.moreAcked(traffic, 2);
  });

  it('a worker killed mid-delivery: the escalation is delivered exactly once (by Idempotency-Key)', async () => {
    const admin = await world.env.staff({ role: 'admin' });
    const adminToken = await login(world.gateways[1], admin.email, admin.password);
    const created = await fetch(`${world.gateways[1]}/api/services`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ name: 'Mobile team (fault suite)', kind: 'mobile-team', region: 'PL-LU', languages: ['pl'], channel: { type: 'webhook', url: `http://127.0.0.1:${receiver.port}/hook`, secret: SECRET } }),
    });
    expect(created.status).toBe(201);
    const serviceId = ((await created.json()) as { id: string }).id;
    // one worker only while the delivery starts, so we know which one holds it
    const [first, second] = world.workers;
    await second.signal('SIGTERM');
    const counsellor = world.counsellors[0];
    const sessionId = await eventually(async () => {
      const list = await ask(counsellor.socket, 'sessions:list', { scope: 'mine' });
      return (list.sessions as { sessionId: string; state: string }[]).find((s) => s.state === 'active')?.sessionId;
    });
    const statuses: string[] = [];
    counsellor.socket.on('escalation:status', (s: { escalationId: string; status: string }) => statuses.push(`${s.escalationId}:${s.status}`));
    const held = receiver.holdNext();
    const escalation = await ask(counsellor.socket, 'escalation:create', {
      sessionId, serviceId, urgency: 'immediate', consent: true, details: { summary: 'fault suite' },
    });
    expect(escalation).toMatchObject({ ok: true });
    const escalationId = escalation.escalationId as string;
    await held;
    await first.signal('SIGKILL');
    receiver.release();
    const killed = Date.now();
    await Promise.all([first.start(), second.start()]);
    await eventually(async () => statuses.includes(`${escalationId}:delivered`), 30_000);
    recordTiming('worker kill -9 mid-delivery: escalation delivered by another worker after', Date.now() - killed);
    // a later marker: the service acknowledges, and by then no second delivery has come
    const [row] = await world.env.sql<{ status: string }>(`SELECT status FROM escalation WHERE id = $1`, [escalationId]);
    expect(row.status).toBe('delivered');
    expect(receiver.delivered.get(escalationId)).toBe(1);
    expect(statuses.filter((s) => s === `${escalationId}:delivered`)).toHaveLength(1);
    expect(receiver.requests.filter((k) => k === escalationId).length).toBeGreaterThanOrEqual(2);
    await world.stopTraffic();
    await world.assertNothingLostOrDoubled();
  });
});
