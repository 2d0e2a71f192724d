/**
 * Against real HTTP receivers on 127.0.0.1 (node:http): nothing about the network is mocked.
 */
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PermanentDeliveryError, TransientDeliveryError } from './errors';
import { buildEscalationPayload, type EscalationPayload } from './payload';
import { verifyWebhookSignature } from './signature';
import { deliverWebhook, parseRetryAfter, type WebhookDelivery } from './webhook';

const SECRET = 'webhook-secret-for-tests-0123456789';
const QUERY_TOKEN = 'q-token-4f1c9e';
const RESPONSE_BODY = 'receiver-said-something-private';
const payload: EscalationPayload = buildEscalationPayload({
  escalationId: '6f1d2c7a-0d3b-4c8e-9a41-2b7e5f9c1d30',
  service: { id: 'svc-webhook', name: 'Mobile team' },
  urgency: 'immediate',
  language: 'uk',
  details: { summary: 'Він погрожує ножем, діти вдома', callbackPhone: '+380670000001', location: 'вул. Шевченка 1' },
  createdAt: '2025-11-22T13:15:00.000Z',
  ackUrl: 'http://127.0.0.1:3000/api/escalations/ack/AAAA',
});

interface Received { method?: string; url?: string; headers: IncomingHttpHeaders; raw: Buffer; at: number }
type Answer = (res: ServerResponse, n: number) => void;

/** A local crisis service: records every request and answers as the test says. */
class Receiver {
  readonly requests: Received[] = [];
  answers: Answer[] = [];
  fallback: Answer = (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests.push({ method: req.method, url: req.url, headers: req.headers, raw: Buffer.concat(chunks), at: Math.floor(Date.now() / 1000) });
        res.on('error', () => undefined);
        (this.answers.shift() ?? this.fallback)(res, this.requests.length);
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

/** The delivery's error, which the test expects; fails the test if it resolves. */
async function failure(d: Partial<WebhookDelivery> & { url: string }): Promise<Error> {
  try {
    await deliverWebhook({ secret: SECRET, payload, escalationId: payload.escalationId, allowHttp: false, allowPrivate: true, timeoutMs: 2000, ...d });
  } catch (err) {
    expectSafe(err as Error);
    return err as Error;
  }
  throw new Error('the delivery should have failed');
}

/** Error messages hold nothing private: no details, secret, query, URL or response body. */
function expectSafe(err: Error): void {
  const text = `${err.message} ${String(err.stack)} ${JSON.stringify(err)}`;
  for (const secret of [payload.details.summary, payload.details.callbackPhone!, payload.details.location!, SECRET, QUERY_TOKEN, RESPONSE_BODY, '127.0.0.1']) {
    expect(text).not.toContain(secret);
  }
  expect((err as { cause?: unknown }).cause).toBeUndefined();
}

describe('deliverWebhook against a real receiver', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await new Receiver().start();
  });
  afterEach(() => receiver.stop());

  const hook = () => `${receiver.url}/hooks/prystan?token=${QUERY_TOKEN}`;

  it('POSTs the contract body, signed, with every header; 200 is delivery', async () => {
    const before = Math.floor(Date.now() / 1000);
    await expect(deliverWebhook({ url: hook(), secret: SECRET, payload, escalationId: payload.escalationId, allowHttp: false, allowPrivate: true })).resolves.toEqual({ status: 200 });
    expect(receiver.requests).toHaveLength(1);
    const [req] = receiver.requests;
    expect(req.method).toBe('POST');
    expect(req.url).toBe(`/hooks/prystan?token=${QUERY_TOKEN}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['user-agent']).toBe('Prystan-Escalation/1');
    expect(req.headers['idempotency-key']).toBe(payload.escalationId);
    const ts = req.headers['x-prystan-timestamp'] as string;
    expect(ts).toMatch(/^\d+$/);
    expect(Number(ts)).toBeGreaterThanOrEqual(before);
    expect(Number(ts)).toBeLessThanOrEqual(req.at);
    // the signature, computed independently over the exact bytes received
    const expected = createHmac('sha256', SECRET).update(Buffer.concat([Buffer.from(`${ts}.`), req.raw])).digest('hex');
    expect(req.headers['x-prystan-signature']).toBe(`sha256=${expected}`);
    expect(verifyWebhookSignature(SECRET, ts, req.headers['x-prystan-signature'] as string, req.raw)).toBe(true);
    expect(verifyWebhookSignature('wrong-secret', ts, req.headers['x-prystan-signature'] as string, req.raw)).toBe(false);
    const body = JSON.parse(req.raw.toString('utf8'));
    expect(body).toEqual(payload);
    expect(Object.keys(body)).toEqual(['escalationId', 'service', 'urgency', 'language', 'details', 'createdAt', 'ackUrl']);
  });

  it.each([201, 202, 204])('takes %i as delivery', async (status) => {
    receiver.answers.push((res) => res.writeHead(status).end());
    await expect(deliverWebhook({ url: hook(), secret: SECRET, payload, allowHttp: false, allowPrivate: true })).resolves.toEqual({ status });
    expect(receiver.requests[0].headers['idempotency-key']).toBe(payload.escalationId);
  });

  it('503 is transient, and the retry (same Idempotency-Key, fresh signature) is delivered', async () => {
    receiver.answers.push((res) => res.writeHead(503, { 'Content-Type': 'text/plain' }).end(RESPONSE_BODY));
    const first = await failure({ url: hook() });
    expect(first).toBeInstanceOf(TransientDeliveryError);
    expect(first.message).toBe('webhook answered 503');
    expect((first as TransientDeliveryError).retryAfterSeconds).toBeUndefined();
    await expect(deliverWebhook({ url: hook(), secret: SECRET, payload, escalationId: payload.escalationId, allowHttp: false, allowPrivate: true })).resolves.toEqual({ status: 200 });
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests.map((r) => r.headers['idempotency-key'])).toEqual([payload.escalationId, payload.escalationId]);
    for (const r of receiver.requests) {
      expect(verifyWebhookSignature(SECRET, r.headers['x-prystan-timestamp'] as string, r.headers['x-prystan-signature'] as string, r.raw)).toBe(true);
    }
    expect(receiver.requests[0].raw.equals(receiver.requests[1].raw)).toBe(true);
  });

  it('400 is permanent, and its body never reaches the message', async () => {
    receiver.answers.push((res) => res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: RESPONSE_BODY })));
    const err = await failure({ url: hook() });
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err.message).toBe('webhook answered 400');
  });

  it.each([401, 403, 404, 405, 410, 413, 422])('%i is permanent', async (status) => {
    receiver.answers.push((res) => res.writeHead(status).end(RESPONSE_BODY));
    const err = await failure({ url: hook() });
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err.message).toBe(`webhook answered ${status}`);
  });

  it.each([408, 500, 502, 504])('%i is transient', async (status) => {
    receiver.answers.push((res) => res.writeHead(status, { 'Retry-After': '5' }).end(RESPONSE_BODY));
    const err = await failure({ url: hook() });
    expect(err).toBeInstanceOf(TransientDeliveryError);
    expect(err.message).toBe(`webhook answered ${status}`);
    expect((err as TransientDeliveryError).retryAfterSeconds).toBeUndefined(); // only 429 and 503 carry it
  });

  it('429 with Retry-After is transient and carries the delay (seconds or HTTP date)', async () => {
    receiver.answers.push((res) => res.writeHead(429, { 'Retry-After': '120' }).end(RESPONSE_BODY));
    receiver.answers.push((res) => res.writeHead(429, { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() }).end());
    receiver.answers.push((res) => res.writeHead(503, { 'Retry-After': '7' }).end());
    receiver.answers.push((res) => res.writeHead(429, { 'Retry-After': 'whenever' }).end());
    const seconds = (await failure({ url: hook() })) as TransientDeliveryError;
    expect(seconds).toBeInstanceOf(TransientDeliveryError);
    expect(seconds.message).toBe('webhook answered 429');
    expect(seconds.retryAfterSeconds).toBe(120);
    const date = (await failure({ url: hook() })) as TransientDeliveryError;
    expect(date.retryAfterSeconds).toBeGreaterThanOrEqual(58);
    expect(date.retryAfterSeconds).toBeLessThanOrEqual(61);
    expect(((await failure({ url: hook() })) as TransientDeliveryError).retryAfterSeconds).toBe(7);
    expect(((await failure({ url: hook() })) as TransientDeliveryError).retryAfterSeconds).toBeUndefined();
  });

  it('a receiver that never answers times out as transient, on time', async () => {
    receiver.answers.push(() => undefined); // hold the request open
    const started = Date.now();
    const err = await failure({ url: hook(), timeoutMs: 300 });
    expect(err).toBeInstanceOf(TransientDeliveryError);
    expect(err.message).toBe('webhook timed out');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a receiver that sends headers then an endless body is delivered without reading it', async () => {
    receiver.answers.push((res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => { while (!res.destroyed && res.write(chunk)); };
      res.on('drain', pump);
      pump();
    });
    const started = Date.now();
    await expect(deliverWebhook({ url: hook(), secret: SECRET, payload, allowHttp: false, allowPrivate: true, timeoutMs: 1500 })).resolves.toEqual({ status: 200 });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('never follows a redirect: permanent, and the target is never called', async () => {
    const target = await new Receiver().start();
    try {
      for (const status of [301, 302, 307, 308]) {
        receiver.answers.push((res) => res.writeHead(status, { Location: `${target.url}/elsewhere` }).end());
        const err = await failure({ url: hook() });
        expect(err).toBeInstanceOf(PermanentDeliveryError);
        expect(err.message).toBe(`webhook answered a redirect (${status}), which is not followed`);
      }
      expect(target.requests).toHaveLength(0);
      expect(receiver.requests).toHaveLength(4);
    } finally {
      await target.stop();
    }
  });

  it('a closed port is transient: unreachable (ECONNREFUSED)', async () => {
    const closed = await new Receiver().start();
    const url = `${closed.url}/hook?token=${QUERY_TOKEN}`;
    await closed.stop();
    const err = await failure({ url });
    expect(err).toBeInstanceOf(TransientDeliveryError);
    expect(err.message).toBe('webhook unreachable (ECONNREFUSED)');
  });

  it('a URL that is not allowed is permanent, and nothing is sent', async () => {
    const calls: unknown[] = [];
    const fetchImpl = ((...args: Parameters<typeof fetch>) => (calls.push(args), fetch(...args))) as typeof fetch;
    for (const url of [`http://crisis.example.org/hook?token=${QUERY_TOKEN}`, 'ftp://127.0.0.1/x', `https://user:${SECRET}@crisis.example.org/`, 'nonsense']) {
      const err = await failure({ url, fetchImpl });
      expect(err).toBeInstanceOf(PermanentDeliveryError);
      expect(err.message).toMatch(/^the webhook URL/);
    }
    expect(calls).toHaveLength(0);
  });

  it('refuses an Idempotency-Key that is not the escalation id', async () => {
    const err = await failure({ url: hook(), escalationId: 'another-id' });
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(receiver.requests).toHaveLength(0);
  });

  it('a caller signal cancels the delivery as transient', async () => {
    receiver.answers.push(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await failure({ url: hook(), signal: controller.signal, timeoutMs: 5000 });
    expect(err).toBeInstanceOf(TransientDeliveryError);
    expect(err.message).toBe('webhook delivery was cancelled');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores the rest', () => {
    const now = Date.UTC(2025, 0, 1, 0, 0, 0);
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    for (const bad of [null, '', '-5', '1.5', 'soon', '9999999999']) expect(parseRetryAfter(bad, now)).toBeUndefined();
  });
});
