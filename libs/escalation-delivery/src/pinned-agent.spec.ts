/**
 * The filtering lookup, alone and inside a real delivery to a real receiver on 127.0.0.1: only
 * the resolver's answers are made up (no outside DNS exists here), the connection is real.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { LookupAddress } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { PermanentDeliveryError } from './errors';
import { buildEscalationPayload } from './payload';
import { ADDRESS_REFUSED_CODE, filteringLookup } from './pinned-agent';
import type { LookupFunction } from './url-policy';
import { assertWebhookTargetAllowed } from './url-policy';
import { deliverWebhook } from './webhook';

/** A resolver that answers each call with the next list (the last one repeats). */
function resolver(...answers: LookupAddress[][]): LookupFunction & { calls: number } {
  const fn = ((_host: string, _options: unknown, callback: (err: Error | null, a: LookupAddress[]) => void) => {
    const answer = answers[Math.min(fn.calls, answers.length - 1)];
    fn.calls += 1;
    process.nextTick(() => callback(null, answer));
  }) as unknown as LookupFunction & { calls: number };
  fn.calls = 0;
  return fn;
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

function run(lookup: LookupFunction, all: boolean): Promise<{ err: NodeJS.ErrnoException | null; address: unknown; family?: number }> {
  return new Promise((resolve) => filteringLookup(lookup)('hooks.test', { all }, (err, address, family) => resolve({ err, address, family })));
}

describe('filtering lookup', () => {
  it('hands on only the allowed addresses', async () => {
    const lookup = resolver([v4('10.0.0.7'), v4('93.184.216.34'), v6('::1'), v6('2606:4700::1')]);
    expect((await run(lookup, true)).address).toEqual([v4('93.184.216.34'), v6('2606:4700::1')]);
    expect(await run(lookup, false)).toEqual({ err: null, address: '93.184.216.34', family: 4 });
  });

  it('refuses a name whose every address is internal', async () => {
    for (const answer of [[v4('127.0.0.1')], [v4('169.254.169.254'), v6('fe80::1')], [v6('::ffff:192.168.0.1')]]) {
      const { err } = await run(resolver(answer), true);
      expect(err?.code).toBe(ADDRESS_REFUSED_CODE);
    }
  });

  it('passes on a resolver error as it is', async () => {
    const failing = ((_h: string, _o: unknown, cb: (err: Error) => void) => cb(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }))) as unknown as LookupFunction;
    expect((await run(failing, true)).err?.code).toBe('ENOTFOUND');
  });
});

describe('webhook targets after DNS', () => {
  let server: Server;
  let port = 0;
  let hits = 0;
  const payload = buildEscalationPayload({
    escalationId: '6f1d2c7a-0d3b-4c8e-9a41-2b7e5f9c1d30', service: { id: 's', name: 'Mobile team' }, urgency: 'immediate', language: 'uk',
    details: { summary: 'needs help' }, createdAt: '2025-11-22T13:15:00.000Z', ackUrl: 'https://chat.example.org/api/escalations/ack/AAAA',
  });

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.writeHead(200).end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  it('refuses, at creation, a URL whose host resolves to an internal address, and an internal IP literal', async () => {
    for (const [url, lookup] of [
      ['https://hooks.test/h', resolver([v4('127.0.0.1')])],
      ['https://hooks.test/h', resolver([v4('93.184.216.34'), v4('10.1.2.3')])],
      ['https://10.0.0.1/h', undefined],
      ['https://[::ffff:127.0.0.1]/h', undefined],
      ['https://169.254.169.254/latest/meta-data', undefined],
      ['https://localhost/h', undefined],
    ] as [string, LookupFunction | undefined][]) {
      await expect(assertWebhookTargetAllowed(url, { allowHttp: false, allowPrivate: false, lookup })).rejects.toMatchObject({ reason: 'refused-address' });
    }
    await expect(assertWebhookTargetAllowed('https://hooks.test/h', { allowHttp: false, allowPrivate: false, lookup: resolver([v4('93.184.216.34')]) })).resolves.toBeInstanceOf(URL);
    await expect(assertWebhookTargetAllowed('https://10.0.0.1/h', { allowHttp: false, allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });

  it('a name that changes to an internal address between the check and the connection (DNS rebinding) never reaches it', async () => {
    const lookup = resolver([v4('93.184.216.34')], [v4('127.0.0.1')]);
    const err = await deliverWebhook({ url: `http://hooks.test:${port}/h`, secret: 'x'.repeat(20), payload, allowHttp: true, allowPrivate: false, lookup, timeoutMs: 5000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err).toMatchObject({ reason: 'refused-address' });
    expect(lookup.calls).toBe(2);
    expect(hits).toBe(0);
  });

  it('connects to the address the lookup gave (the same delivery with private addresses allowed arrives)', async () => {
    const lookup = resolver([v4('127.0.0.1')]);
    await expect(deliverWebhook({ url: `http://hooks.test:${port}/h`, secret: 'x'.repeat(20), payload, allowHttp: true, allowPrivate: true, lookup, timeoutMs: 5000 })).resolves.toEqual({ status: 200 });
    expect(hits).toBe(1);
  });

  it('refuses an internal IP literal at delivery without connecting', async () => {
    const before = hits;
    await expect(deliverWebhook({ url: `http://127.0.0.1:${port}/h`, secret: 'x'.repeat(20), payload, allowHttp: true, allowPrivate: false })).rejects.toMatchObject({ reason: 'refused-address' });
    expect(hits).toBe(before);
  });
});
