import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ask, connectStaff, login } from './support/clients';
import { ownActiveChat } from './support/access';
import { liveService } from './support/live-service';
import { ROOT } from './support/processes';

/**
 * Smaller holes, through a real gateway: a counsellor's repeated message id tells nothing about
 * another's chat; the public routes are throttled per address; no API answer may be cached;
 * the compose file's Redis needs a password.
 */
describe('API hardening', () => {
  // one address behind one trusted proxy: X-Forwarded-For names the caller
  const live = liveService({ PUBLIC_API_PER_MINUTE: '10', PUBLIC_PAGES_PER_MINUTE: '10', TRUST_PROXY_HOPS: '1' }, { workers: 0 });
  const { env } = live;

  it('answers a repeated message id only in one’s own chat, with one’s own message', async () => {
    const first = await env.staff();
    const second = await env.staff();
    const chatId = await ownActiveChat(env, first.id);
    const mine = await connectStaff(live.base, await login(live.base, first.email, first.password));
    const theirs = await connectStaff(live.base, await login(live.base, second.email, second.password));
    try {
      const sent = await ask(mine, 'message:send', { sessionId: chatId, clientId: 'k-1', text: 'first words' });
      expect(sent).toMatchObject({ ok: true, id: expect.any(String) });
      // the repeat is idempotent for its sender
      expect(await ask(mine, 'message:send', { sessionId: chatId, clientId: 'k-1', text: 'first words' })).toEqual({ ok: true, id: sent.id, sentAt: sent.sentAt });
      // anyone else learns nothing, not even that the id was used
      expect(await ask(theirs, 'message:send', { sessionId: chatId, clientId: 'k-1', text: 'probe' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // after a hand-over, the new counsellor reusing the id is told it did not go, not handed the colleague's message
      await env.sql(`UPDATE chat_session SET counsellor_id = $2 WHERE id = $1`, [chatId, second.id]);
      expect(await ask(theirs, 'message:send', { sessionId: chatId, clientId: 'k-1', text: 'new words' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await ask(mine, 'message:send', { sessionId: chatId, clientId: 'k-1', text: 'first words' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('throttles the public API per address with 429 rate_limited and Retry-After, and leaves other addresses alone', async () => {
    const from = (address: string, path: string) => fetch(`${live.base}${path}`, { headers: { 'x-forwarded-for': address } });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await from('203.0.113.7', i % 2 ? '/api/services?language=pl' : '/api/availability?language=uk')).status);
    expect(statuses).toEqual(Array(10).fill(200));
    const refused = await from('203.0.113.7', '/api/services?language=pl');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    // the acknowledgement link spends from the same budget
    expect((await fetch(`${live.base}/api/escalations/ack/x`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(429);
    expect((await from('203.0.113.8', '/api/services?language=pl')).status).toBe(200);
    // sign-in is not on this budget (its own limits count failures only): a spent address cannot lock staff out
    const counsellor = await env.staff();
    const signIn = await fetch(`${live.base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' }, body: JSON.stringify({ email: counsellor.email, password: counsellor.password }),
    });
    expect(signIn.status).toBe(200);
    // pages and health have their own budget, so a page load is not refused for the API calls before it
    expect((await from('203.0.113.7', '/api/health')).status).toBe(200);
  });

  it('throttles pages and health per address too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await fetch(`${live.base}${i % 2 ? '/chat' : '/api/health'}`, { headers: { 'x-forwarded-for': '198.51.100.4' } })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
  });

  it('marks every API answer no-store, errors and unknown routes included, and leaves the pages their own rules', async () => {
    const staff = await env.staff({ role: 'admin' });
    const token = await login(live.base, staff.email, staff.password);
    const answers = [
      await fetch(`${live.base}/api/auth/me`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '192.0.2.1' } }),
      await fetch(`${live.base}/api/admin/staff`, { headers: { authorization: `Bearer ${token}` } }),
      await fetch(`${live.base}/api/admin/staff`),
      await fetch(`${live.base}/api/no-such-route`),
      await fetch(`${live.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.2' }, body: '{' }),
      await fetch(`${live.base}/api/admin/staff`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ x: 'y'.repeat(70_000) }) }),
    ];
    expect(answers.map((a) => [a.status, a.headers.get('cache-control')])).toEqual([
      [200, 'no-store'], [200, 'no-store'], [401, 'no-store'], [404, 'no-store'], [400, 'no-store'], [413, 'no-store'],
    ]);
    const widget = await fetch(`${live.base}/widget.js`, { headers: { 'x-forwarded-for': '192.0.2.3' } });
    expect(widget.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('gives compose’s Redis a password, and every process a REDIS_URL that carries it', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker/compose.yaml'), 'utf8')) as {
      services: Record<string, { command?: string[]; environment?: Record<string, string>; healthcheck?: { test: string[] } }>; 'x-app': { environment: Record<string, string> };
    };
    const redis = compose.services.redis;
    expect(redis.environment?.REDIS_PASSWORD).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    expect(redis.command?.join(' ')).toMatch(/requirepass/);
    expect(redis.healthcheck?.test.join(' ')).toMatch(/REDISCLI_AUTH=/);
    const urls = [compose['x-app'].environment.REDIS_URL, ...Object.values(compose.services).map((s) => s.environment?.REDIS_URL)].filter(Boolean);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
    expect(readFileSync(join(ROOT, 'docker/env.example'), 'utf8')).toMatch(/^REDIS_PASSWORD=$/m);
  });
});
