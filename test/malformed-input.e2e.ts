import type { Socket } from 'socket.io-client';
import { ask, connectStaff, connectSurvivor, login } from './support/clients';
import { TestEnvironment } from './support/environment';

// as large as one frame may be (64 KB; a larger frame closes the connection: survivor-surface.e2e.ts)
const HUGE = 'x'.repeat(60_000);
const BAD_VALUES: unknown[] = [null, 'text', 42, true, [], [1, 2], { unknownField: 1 }, { language: HUGE }, HUGE];

/**
 * Every event and route with bad input: null, wrong types, huge strings, unknown fields,
 * unknown languages, someone else's session. Each answers the contract's error; the
 * processes live on.
 */
describe('malformed input sweep', () => {
  // the sweep sends more staff events than a person would in 10 s; the survivors' limit stays as shipped
  const env = new TestEnvironment({ STAFF_EVENTS_PER_10S: '1000' });
  let base: string;
  let token: string;
  let other: { sessionId: string };
  const sockets: Socket[] = [];

  beforeAll(async () => {
    await env.setUp();
    base = await env.gateway();
    await env.worker();
    const c = await env.staff({ languages: ['pl'] });
    token = await login(base, c.email, c.password);
    const s = await connectSurvivor(base);
    sockets.push(s);
    other = (await ask(s, 'session:start', { language: 'pl', triage: { immediateDanger: false } })) as unknown as { sessionId: string };
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.tearDown();
  });

  const survivorEvents = ['session:start', 'session:resume', 'message:send', 'typing', 'session:end'];
  const staffEvents = [
    'presence:set', 'offer:accept', 'offer:decline', 'message:send', 'typing', 'session:close', 'escalation:create',
    // extensions
    'sessions:list', 'session:monitor', 'session:unmonitor', 'session:transfer', 'session:reassign', 'escalation:phone-result',
  ];

  it('answers every survivor event with invalid_input (or a contract error) and keeps the socket', async () => {
    for (const event of survivorEvents) {
      // a fresh socket per event: one socket's events are rate limited (tested below)
      const probe = await connectSurvivor(base);
      sockets.push(probe);
      for (const value of BAD_VALUES) {
        if (event === 'session:end') continue; // `{}` is valid for it; covered below
        const ack = await ask(probe, event, value);
        expect(ack.ok).toBe(false);
        expect(['invalid_input', 'not_found']).toContain(ack.error!.code);
        expect(typeof ack.error!.message).toBe('string');
        expect(ack.error!.message.length).toBeLessThan(600);
      }
      expect(probe.connected).toBe(true);
    }
    const socket = await connectSurvivor(base);
    sockets.push(socket);
    expect(await ask(socket, 'session:start', { language: 'ua', triage: { immediateDanger: false } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'session:start', { language: 'pl', triage: { immediateDanger: 'yes' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'session:start', { language: 'pl', triage: { immediateDanger: false, forWhom: 'dog' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'session:start', { language: 'pl', triage: { immediateDanger: false }, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'session:end', { reason: 'bored' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'session:resume', { resumeToken: 'a'.repeat(43) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await ask(socket, 'message:send', { clientId: 'x', text: 'hello' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // after all that the same socket still works
    const started = await ask(socket, 'session:start', { language: 'en', triage: { immediateDanger: false } });
    expect(started.ok).toBe(true);
    expect(await ask(socket, 'message:send', { clientId: 'x', text: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'message:send', { clientId: 'x', text: 'y'.repeat(4001) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'message:send', { clientId: 'x', text: `  ${'y'.repeat(4000)}  ` })).toMatchObject({ ok: true });
    expect(await ask(socket, 'session:start', { language: 'en', triage: { immediateDanger: false } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(socket.connected).toBe(true);
    // once that session has ended (here by the system), the same connection may start another
    await env.sql(`UPDATE chat_session SET state = 'ended', ended_at = now(), ended_by = 'system' WHERE id = $1`, [started.sessionId]);
    expect(await ask(socket, 'session:start', { language: 'en', triage: { immediateDanger: false } })).toMatchObject({ ok: true });
  });

  it('rate-limits a flooding survivor socket with rate_limited acks, without dropping it', async () => {
    const socket = await connectSurvivor(base);
    sockets.push(socket);
    const acks = await Promise.all(Array.from({ length: 60 }, () => ask(socket, 'typing', { isTyping: true })));
    const codes = acks.map((a) => a.error?.code);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 'not_found').length).toBeGreaterThan(0);
    expect(socket.connected).toBe(true);
  });

  it('answers every staff event with a contract error, and refuses someone else’s session', async () => {
    const socket = await connectStaff(base, token);
    sockets.push(socket);
    for (const event of staffEvents) {
      for (const value of BAD_VALUES) {
        const ack = await ask(socket, event, value);
        expect(ack.ok).toBe(false);
        expect(ack.error!.code).toBe('invalid_input');
      }
    }
    expect(await ask(socket, 'presence:set', { status: 'busy' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'offer:accept', { sessionId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'offer:accept', { sessionId: other.sessionId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ask(socket, 'message:send', { sessionId: other.sessionId, clientId: 'k', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'typing', { sessionId: other.sessionId, isTyping: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'session:close', { sessionId: other.sessionId, outcome: 'supported', riskLevel: 'none', categories: [] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'session:close', { sessionId: other.sessionId, outcome: 'supported', riskLevel: 'none', categories: ['made-up'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'escalation:create', { sessionId: other.sessionId, serviceId: other.sessionId, urgency: 'today', consent: false, details: { summary: 's' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // a counsellor's role: no managers' list, no following or reassigning someone else's chat, no one else's escalation
    expect(await ask(socket, 'sessions:list', { scope: 'live' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'session:monitor', { sessionId: other.sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'session:reassign', { sessionId: other.sessionId, toLanguage: 'uk' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'session:transfer', { sessionId: other.sessionId, toLanguage: 'uk' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'escalation:phone-result', { escalationId: other.sessionId, result: 'reached' })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(not_found|forbidden)$/) } });
    expect(await ask(socket, 'sessions:list', { scope: 'mine' })).toMatchObject({ ok: true });
    expect(socket.connected).toBe(true);
  });

  it('refuses a staff socket without a valid token with connect_error', async () => {
    await expect(connectStaff(base, 'not-a-token-but-long-enough-to-check')).rejects.toThrow('unauthorized');
  });

  it('answers bad HTTP input with 400 {error: {code, message}}, never 500', async () => {
    const post = (path: string, body: string, auth?: string) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body });
    for (const body of ['{', 'null', '[]', '"x"', '{"email": 1, "password": 2}', JSON.stringify({ email: 'a@b.c', password: 'p', extra: 1 }), JSON.stringify({ email: HUGE, password: 'x' })]) {
      const res = await post('/api/auth/login', body);
      expect([400, 413]).toContain(res.status);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe('invalid_input');
    }
    const badLogin = await post('/api/auth/login', JSON.stringify({ email: 'nobody@example.org', password: 'wrong-password' }));
    expect(badLogin.status).toBe(401);
    for (const q of ['from=2026-13-01', 'from=yesterday', 'from=2026-02-30', 'from=2026-03-02&to=2026-03-01', 'from=2026-01-01&junk=1']) {
      const manager = await env.staff({ role: 'manager' });
      const mt = await login(base, manager.email, manager.password);
      const res = await fetch(`${base}/api/stats?${q}`, { headers: { authorization: `Bearer ${mt}` } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
    const services = await fetch(`${base}/api/services?language=ua`);
    expect(services.status).toBe(400);
    expect((await fetch(`${base}/api/queue`, { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
    expect((await fetch(`${base}/api/queue`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    expect((await fetch(`${base}/api/nothing-here`)).status).toBe(404);
    // the second-factor routes: every bad field is named, nothing is a 500
    const badField = async (path: string, body: string, field: string, auth?: string) => {
      const res = await post(path, body, auth);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe('invalid_input');
      // a body that is not a JSON object has no field to name
      if (!['{', 'null', '[]'].includes(body)) expect(json.error.message).toContain(field);
    };
    const LONG = '9'.repeat(5000);
    const challenge = 'c'.repeat(43);
    for (const path of ['/api/auth/login/totp', '/api/auth/login/recovery']) {
      for (const body of ['{', 'null', '[]', '{}', JSON.stringify({ token: challenge }), JSON.stringify({ token: challenge, code: 123456 }), JSON.stringify({ token: challenge, code: LONG })]) {
        await badField(path, body, 'code');
      }
      await badField(path, JSON.stringify({ code: '123456' }), 'token');
      await badField(path, JSON.stringify({ token: 42, code: '123456' }), 'token');
      await badField(path, JSON.stringify({ token: challenge, code: '123456', extra: 1 }), 'extra');
    }
    await badField('/api/auth/login/totp', JSON.stringify({ token: challenge, code: '12345a' }), 'code');
    await badField('/api/auth/login/recovery', JSON.stringify({ token: challenge, code: '<script>' }), 'code');
    expect((await post('/api/auth/login/totp', JSON.stringify({ token: challenge, code: '123456' }))).status).toBe(401);
    for (const body of ['{', 'null', '{}', JSON.stringify({ code: 123456 }), JSON.stringify({ code: 'abcdef' }), JSON.stringify({ code: LONG })]) {
      await badField('/api/me/mfa/totp/confirm', body, 'code', token);
    }
    expect((await post('/api/me/mfa/totp/confirm', JSON.stringify({ code: '123456' }))).status).toBe(401);
    const admin = await env.staff({ role: 'admin' });
    const adminToken = await login(base, admin.email, admin.password);
    for (const id of ['not-a-uuid', '1', HUGE.slice(0, 2000)]) {
      const res = await post(`/api/admin/staff/${id}/mfa-reset`, '{}', adminToken);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
    expect((await post(`/api/admin/staff/${admin.id}/mfa-reset`, '{}', token)).status).toBe(403);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect(env.logs).not.toMatch(/"level":"(error|fatal)"/);
  });
});
