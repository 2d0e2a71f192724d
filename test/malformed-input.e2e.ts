import { randomUUID } from 'node:crypto';
import { CHAT_IN, NAMESPACE, STAFF_IN } from '@prystan/contract';
import { ask, connectStaff, connectSurvivor, login, type Ack } from './support/clients';
import { liveService } from './support/live-service';
import { gatewayInterface, type HttpRoute, type SocketEvent } from './support/gateway-interface';
import { badPayloads, badQueries, HUGE } from './support/malformed';

type ErrorBody = { error?: { code?: string; message?: string } };

/**
 * Every route and event the gateway serves (read from its own module, as the authorization
 * matrix does), with bad input generated from each one's contract class: not an object, an
 * unknown field, and each field alone with a wrong type, an array, an object, null or a huge
 * string. Each answers the contract's error naming the field, never a 500, and the sockets
 * stay connected. Then the cases a generator cannot know: bad languages, someone else's chat.
 */
describe('malformed input sweep', () => {
  // the sweep sends more staff events than a person would; the survivors' limit stays as shipped
  const live = liveService({ STAFF_EVENTS_PER_10S: '100000' });
  const { env, sockets } = live;
  let token: string;
  let adminToken: string;
  let served: { routes: HttpRoute[]; events: SocketEvent[] };
  let other: { sessionId: string };

  beforeAll(async () => {
    served = await gatewayInterface(env.env());
    const c = await env.staff({ languages: ['pl'] });
    token = await login(live.base, c.email, c.password);
    const admin = await env.staff({ role: 'admin' });
    adminToken = await login(live.base, admin.email, admin.password);
    const s = await connectSurvivor(live.base);
    sockets.push(s);
    other = (await ask(s, 'session:start', { language: 'pl', triage: { immediateDanger: false } })) as unknown as { sessionId: string };
  });

  /** Real ids for the routes that edit one record, so that a payload read as well-formed reaches the record itself. */
  async function realId(path: string): Promise<string | undefined> {
    if (path.startsWith('/api/admin/staff/')) return (await env.staff()).id;
    if (path.startsWith('/api/admin/canned/')) return (await env.sql<{ id: string }>(`SELECT id FROM canned_response LIMIT 1`))[0]?.id;
    if (path.includes('/services/')) return (await env.sql<{ id: string }>(`SELECT id FROM service LIMIT 1`))[0]?.id;
    return undefined;
  }

  /** Sends one request as an admin (who may call every route) and checks the answer is a contract error, or at least no 5xx. */
  async function call(method: string, path: string, body?: string) {
    const res = await fetch(`${live.base}${path}`, {
      method, headers: { authorization: `Bearer ${adminToken}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body,
    });
    const text = await res.text();
    const json = res.status >= 400 ? (JSON.parse(text) as ErrorBody) : undefined;
    return { status: res.status, code: json?.error?.code, message: json?.error?.message, cacheControl: res.headers.get('cache-control') };
  }

  /** What is wrong with an answer that should have been 400 invalid_input (nothing: undefined). */
  const notInvalidInput = (answer: Awaited<ReturnType<typeof call>>): string | undefined => {
    if (answer.status !== 400 || answer.code !== 'invalid_input') return `${answer.status} ${answer.code}`;
    if (!answer.message || answer.message.length >= 600) return `message of ${answer.message?.length ?? 0} characters`;
    if (answer.cacheControl !== 'no-store') return `Cache-Control ${answer.cacheControl}`;
    return undefined;
  };

  it('answers every route’s bad bodies, queries and ids with 400 invalid_input', async () => {
    const checked: string[] = [];
    const failures: string[] = [];
    const expectInvalid = (what: string, answer: Awaited<ReturnType<typeof call>>) => {
      const wrong = notInvalidInput(answer);
      if (wrong) failures.push(`${what}: ${wrong}`);
    };
    for (const route of served.routes) {
      const bodies = route.method === 'POST' || route.method === 'PATCH' || route.method === 'DELETE';
      const params = route.path.includes(':');
      const fill = (id: string) => route.path.replace(/:[a-z]+/i, encodeURIComponent(id));
      const ids = params ? [randomUUID(), ...[await realId(route.path)].filter((x): x is string => !!x)] : [''];
      for (const id of ids) {
        const path = fill(id);
        // unparseable and oversized bodies never reach a handler: every route with a body refuses them
        const where = `${route.key}${params ? ` (${id.slice(0, 8)})` : ''}`;
        if (bodies) {
          expectInvalid(`${where} with unparseable JSON`, await call(route.method, path, '{'));
          expect(await call(route.method, path, JSON.stringify({ x: 'y'.repeat(70_000) }))).toMatchObject({ status: 413, code: 'invalid_input', cacheControl: 'no-store' });
        }
        for (const bad of route.body ? badPayloads(route.body) : []) {
          expectInvalid(`${where} with ${bad.label}`, await call(route.method, path, JSON.stringify(bad.value)));
        }
        for (const query of badQueries(route.query)) {
          expectInvalid(`${where} with ?${query.slice(0, 30)}`, await call(route.method, `${path}?${query}`));
        }
      }
      // an id that is not one: 400 where ids are uuids, else 404; never a 5xx
      if (params) {
        for (const id of ['not-a-uuid', '9'.repeat(3000), '%00', ' ']) {
          const answer = await call(route.method, route.path.replace(/:[a-z]+/i, encodeURIComponent(id)), bodies ? '{}' : undefined);
          if (answer.status !== 400 && answer.status !== 404) failures.push(`${route.key} with the id ${id.slice(0, 12)}: ${answer.status}`);
        }
      }
      checked.push(route.key);
    }
    expect(failures).toEqual([]);
    expect(checked).toHaveLength(served.routes.length);
    expect(checked.length).toBeGreaterThan(30);
  });

  it('answers every event’s bad payloads with invalid_input and keeps the socket', async () => {
    const admin = await connectStaff(live.base, adminToken);
    sockets.push(admin);
    const failures: string[] = [];
    for (const event of served.events) {
      // a fresh survivor socket per event: one survivor socket's events are rate limited (tested below)
      const socket = event.namespace === '/chat' ? await connectSurvivor(live.base) : admin;
      if (socket !== admin) sockets.push(socket);
      for (const bad of badPayloads(event.payload)) {
        const ack: Ack = await ask(socket, event.event, bad.value);
        if (ack.error?.code !== 'invalid_input') failures.push(`${event.key} with ${bad.label}: ${JSON.stringify(ack).slice(0, 120)}`);
        else if (!ack.error.message || ack.error.message.length >= 600) failures.push(`${event.key} with ${bad.label}: message of ${ack.error.message?.length ?? 0} characters`);
      }
      if (!socket.connected) failures.push(`${event.key}: the socket was dropped`);
    }
    expect(failures).toEqual([]);
  });

  it('answers what a generator cannot know: bad languages and codes, an ended chat, no chat yet', async () => {
    const socket = await connectSurvivor(live.base);
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
    const socket = await connectSurvivor(live.base);
    sockets.push(socket);
    const acks = await Promise.all(Array.from({ length: 60 }, () => ask(socket, 'typing', { isTyping: true })));
    const codes = acks.map((a) => a.error?.code);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 'not_found').length).toBeGreaterThan(0);
    expect(socket.connected).toBe(true);
  });

  it('refuses someone else’s session, and what a counsellor’s role does not allow', async () => {
    const socket = await connectStaff(live.base, token);
    sockets.push(socket);
    expect(await ask(socket, 'presence:set', { status: 'busy' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'offer:accept', { sessionId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'offer:accept', { sessionId: other.sessionId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ask(socket, 'message:send', { sessionId: other.sessionId, clientId: 'k', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'typing', { sessionId: other.sessionId, isTyping: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'session:close', { sessionId: other.sessionId, outcome: 'supported', riskLevel: 'none', categories: [] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'session:close', { sessionId: other.sessionId, outcome: 'supported', riskLevel: 'none', categories: ['made-up'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'escalation:create', { sessionId: other.sessionId, serviceId: other.sessionId, urgency: 'today', consent: false, details: { summary: 's' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ask(socket, 'sessions:list', { scope: 'live' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'session:monitor', { sessionId: other.sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'session:reassign', { sessionId: other.sessionId, toLanguage: 'uk' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'session:transfer', { sessionId: other.sessionId, toLanguage: 'uk' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(socket, 'escalation:phone-result', { escalationId: other.sessionId, result: 'reached' })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(not_found|forbidden)$/) } });
    expect(await ask(socket, 'sessions:list', { scope: 'mine' })).toMatchObject({ ok: true });
    expect(socket.connected).toBe(true);
  });

  it('refuses a staff socket without a valid token with connect_error', async () => {
    await expect(connectStaff(live.base, 'not-a-token-but-long-enough-to-check')).rejects.toThrow('unauthorized');
  });

  it('answers bad dates, languages and tokens over HTTP with the contract’s errors', async () => {
    const badLogin = await fetch(`${live.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong-password' }) });
    expect(badLogin.status).toBe(401);
    const manager = await env.staff({ role: 'manager' });
    const mt = await login(live.base, manager.email, manager.password);
    for (const q of ['from=2026-13-01', 'from=yesterday', 'from=2026-02-30', 'from=2026-03-02&to=2026-03-01', 'from=2026-01-01&junk=1', 'from=2025-01-01&to=2026-06-01']) {
      const res = await fetch(`${live.base}/api/stats?${q}`, { headers: { authorization: `Bearer ${mt}` } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error?.code).toBe('invalid_input');
    }
    expect((await fetch(`${live.base}/api/services?language=ua`)).status).toBe(400);
    expect((await fetch(`${live.base}/api/queue`, { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
    expect((await fetch(`${live.base}/api/queue`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
    expect((await fetch(`${live.base}/api/nothing-here`)).status).toBe(404);
    // the second-factor routes: every bad field is named, nothing is a 500
    const post = (path: string, body: string, auth?: string) =>
      fetch(`${live.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body });
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
    const adminToken = await login(live.base, admin.email, admin.password);
    for (const id of ['not-a-uuid', '1', HUGE.slice(0, 2000)]) {
      const res = await post(`/api/admin/staff/${id}/mfa-reset`, '{}', adminToken);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    }
    expect((await post(`/api/admin/staff/${admin.id}/mfa-reset`, '{}', token)).status).toBe(403);
    expect((await fetch(`${live.base}/api/health`)).status).toBe(200);
  });

  it('answers an event its namespace does not define with not_found, ignores one sent without an acknowledgement, and keeps the socket', async () => {
    const survivor = await connectSurvivor(live.base);
    const staff = await connectStaff(live.base, token);
    sockets.push(survivor, staff);
    const notFound = { ok: false, error: { code: 'not_found', message: expect.any(String) } };
    // made-up names, a name of the other namespace, and names that are properties of every object
    const unknown = { '/chat': ['session:explode', 'presence:set', 'offer:accept', 'constructor', '__proto__'], '/staff': ['offer:explode', 'session:start', 'session:resume', 'toString'] };
    for (const [socket, names] of [[survivor, unknown['/chat']], [staff, unknown['/staff']]] as const) {
      for (const name of names) expect(await ask(socket, name, { text: 'UNKNOWN-EVENT-PAYLOAD' })).toEqual(notFound);
      expect(await ask(socket, 'no:payload')).toEqual(notFound);
      // without an acknowledgement nothing can be answered: it is dropped, and the next event is served as usual
      socket.emit('no:ack', { text: 'UNKNOWN-EVENT-PAYLOAD' });
      expect(socket.connected).toBe(true);
    }
    expect(await ask(survivor, 'session:end', {})).toEqual({ ok: true });
    expect(await ask(staff, 'sessions:list', { scope: 'mine' })).toMatchObject({ ok: true });
    expect(survivor.connected && staff.connected).toBe(true);
    expect(env.logs).not.toContain('UNKNOWN-EVENT-PAYLOAD');
  });

  it('serves exactly the events the contract lists, which are the events it answers (any other is not_found)', () => {
    const servedIn = (namespace: string) => served.events.filter((e) => e.namespace === namespace).map((e) => e.event).sort();
    expect(servedIn(NAMESPACE.chat)).toEqual(Object.values(CHAT_IN).sort());
    expect(servedIn(NAMESPACE.staff)).toEqual(Object.values(STAFF_IN).sort());
  });

  it('failed no request or event on the way (what an unexpected error logs), and crashed nothing', () => {
    expect(env.logs).not.toMatch(/"msg":"(request failed|socket event failed|uncaught exception|unhandled rejection)"/);
  });
});
