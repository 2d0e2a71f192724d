import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { ask, eventually, login } from '../support/clients';
import { TestEnvironment } from '../support/environment';
import { OwnPostgres, OwnRedis } from '../support/own-dependencies';
import { ROOT, type AppProcess } from '../support/processes';
import { ResilientSurvivor } from '../support/resilient-survivor';

/** A counsellor who takes every offer, goes available again when set away, and keeps what reaches them. */
export interface Counsellor { socket: Socket; name: string; received: string[]; history: Set<string>; offers: string[] }

const FAULT_ENV = {
  OFFER_TIMEOUT_SECONDS: '5',
  SESSION_STARTS_PER_10MIN: '10000',
  SURVIVOR_EVENTS_PER_10S: '10000',
  STAFF_EVENTS_PER_10S: '10000',
  LOG_LEVEL: 'info',
};

/**
 * The deployment's topology as processes: two gateways (A and B), two workers, on a
 * PostgreSQL and a Redis of the fault suite's own (restarting them disturbs nobody else),
 * with counsellors on B and survivors who behave like the chat page.
 */
export class FaultWorld {
  readonly pg = new OwnPostgres();
  readonly redis = new OwnRedis();
  env!: TestEnvironment;
  gateways: string[] = [];
  gatewayProcesses: AppProcess[] = [];
  workers: AppProcess[] = [];
  readonly counsellors: Counsellor[] = [];
  readonly survivors: ResilientSurvivor[] = [];
  private traffic = new Set<ResilientSurvivor>();
  private senders: Promise<void>[] = [];

  async setUp(extraEnv: Record<string, string> = {}): Promise<void> {
    await Promise.all([this.pg.start(), this.redis.start()]);
    this.env = new TestEnvironment({ ...FAULT_ENV, ...extraEnv }, { pgUrl: this.pg.url, redisUrl: this.redis.url });
    await this.env.setUp();
    this.gateways = await Promise.all([this.env.gateway(), this.env.gateway()]);
    this.gatewayProcesses = [...this.env.processes];
    this.workers = await Promise.all([this.env.worker(), this.env.worker()]);
  }

  async tearDown(): Promise<void> {
    this.traffic.clear();
    this.survivors.forEach((s) => s.close());
    this.counsellors.forEach((c) => c.socket.close());
    await this.env?.tearDown().catch(() => undefined);
    await Promise.all([this.pg.stop(), this.redis.stop()]);
  }

  /**
   * A counsellor on gateway B. Like the console, the socket reconnects by itself and, on every
   * reconnection, lists its chats and offers (`sessions:list`), which catches up what it missed.
   */
  async counsellor(maxChats = 10, language = 'pl'): Promise<Counsellor> {
    const staff = await this.env.staff({ languages: [language], maxChats });
    const token = await login(this.gateways[1], staff.email, staff.password);
    const socket = io(`${this.gateways[1]}/staff`, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500, auth: { token } });
    await new Promise<void>((resolve, reject) => { socket.once('connect', () => resolve()); socket.once('connect_error', reject); });
    const c: Counsellor = { socket, name: staff.name, received: [], history: new Set(), offers: [] };
    const accept = async (sessionId: string) => {
      const ack = await ask(socket, 'offer:accept', { sessionId }).catch(() => undefined);
      const session = ack?.session as { messages: { id: string }[] } | undefined;
      session?.messages.forEach((m) => c.history.add(m.id));
      return ack?.ok || ack?.error?.code === 'conflict';
    };
    socket.on('message', (m: { id: string; from: string }) => m.from === 'survivor' && c.received.push(m.id));
    socket.on('offer', (o: { sessionId: string }) => {
      c.offers.push(o.sessionId);
      void eventually(() => accept(o.sessionId), 15_000, 100).catch(() => undefined);
    });
    socket.on('presence', (p: { status: string }) => p.status === 'away' && void ask(socket, 'presence:set', { status: 'available' }).catch(() => undefined));
    socket.io.on('reconnect', () => void eventually(async () => {
      const list = await ask(socket, 'sessions:list', { scope: 'mine' }).catch(() => undefined);
      if (!list?.ok) return false;
      for (const session of list.sessions as { messages: { id: string }[] }[]) session.messages.forEach((m) => c.history.add(m.id));
      for (const offer of (list.offers ?? []) as { sessionId: string }[]) void accept(offer.sessionId);
      return true;
    }, 15_000, 100).catch(() => undefined));
    await ask(socket, 'presence:set', { status: 'available' });
    this.counsellors.push(c);
    return c;
  }

  /** A survivor connected first to gateway `index` (0: A, 1: B), with a session started. */
  async survivor(index: number, language = 'pl'): Promise<ResilientSurvivor> {
    const s = new ResilientSurvivor(this.gateways, `s${this.survivors.length}`);
    this.survivors.push(s);
    await s.connect(index);
    await s.start(language);
    return s;
  }

  /** Each survivor sends a message every `everyMs` until `stopTraffic`. */
  startTraffic(survivors: ResilientSurvivor[], everyMs = 150): void {
    for (const s of survivors) {
      this.traffic.add(s);
      this.senders.push((async () => {
        while (this.traffic.has(s)) {
          await s.send(`message ${s.label}`);
          await new Promise((r) => setTimeout(r, everyMs));
        }
      })());
    }
  }

  /** Stops the traffic once each survivor's message in flight has been acknowledged. */
  async stopTraffic(): Promise<void> {
    this.traffic.clear();
    await Promise.all(this.senders.splice(0));
  }

  /** Waits until every survivor has had `n` more messages acknowledged (a marker that the chat goes on). */
  async moreAcked(survivors: ResilientSurvivor[], n = 2, timeoutMs = 15_000): Promise<void> {
    const from = survivors.map((s) => s.acked.size);
    await eventually(async () => survivors.every((s, i) => s.acked.size >= from[i] + n), timeoutMs);
  }

  /**
   * No acknowledged message lost or doubled: each is stored once under the id its acknowledgement
   * gave; no counsellor received a message twice; and the counsellors received every acknowledged one.
   */
  async assertNothingLostOrDoubled(): Promise<void> {
    // what was acknowledged before the query: traffic may still be running, and a message
    // acknowledged after the query's snapshot is checked by the next call
    const ackedBefore = this.survivors.map((s) => new Map(s.acked));
    const rows = await this.env.sql<{ client_id: string; id: string }>(`SELECT client_id, id FROM message WHERE sender = 'survivor' AND client_id IS NOT NULL`);
    const stored = new Map<string, string[]>();
    for (const r of rows) stored.set(r.client_id, [...(stored.get(r.client_id) ?? []), r.id]);
    const received = this.counsellors.flatMap((c) => c.received);
    const receivedOnce = new Set(received);
    expect(received.length).toBe(receivedOnce.size);
    for (const acked of ackedBefore) {
      for (const [clientId, id] of acked) {
        expect({ clientId, stored: stored.get(clientId) }).toEqual({ clientId, stored: [id] });
      }
    }
    const acked = ackedBefore.flatMap((a) => [...a.values()]);
    const seen = () => new Set(this.counsellors.flatMap((c) => [...c.received, ...c.history]));
    await eventually(async () => acked.every((id) => seen().has(id)) || undefined, 5_000).catch(() => undefined);
    expect(acked.filter((id) => !seen().has(id))).toEqual([]);
  }
}

/** Keeps each measured recovery time (test-output/recovery-times.jsonl) for the record and the report. */
export function recordTiming(what: string, value: number, unit = 'ms'): void {
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  appendFileSync(join(ROOT, 'test-output', 'recovery-times.jsonl'), `${JSON.stringify({ at: new Date().toISOString(), what, value, unit })}\n`);
  process.stdout.write(`recovery: ${what}: ${value} ${unit}\n`);
}
