import { io, type Socket } from 'socket.io-client';
import { actors } from './support/actors';
import { ask, collect, connectStaff, eventually, login, next } from './support/clients';
import { liveService } from './support/live-service';
import { webhookReceiver } from './support/webhook-receiver';

type Json = Record<string, unknown>;
const SECRET = 'webhook-secret-that-must-never-be-shown-0123456789';
const NEW_SECRET = 'the-second-webhook-secret-never-shown-9876543210';

/**
 * The admin's directory routes, the escalation acknowledgement page, the duty board's
 * figures and the survivor's new-chat limit, through a real gateway and worker.
 */
describe('directory, acknowledgement page, board and new-chat limit', () => {
  // the webhook receiver listens on loopback; the limit test sends its address as a proxy would
  const live = liveService({ ALLOW_PRIVATE_WEBHOOKS: 'true', PUBLIC_URL: 'http://127.0.0.1:9', TRUST_PROXY_HOPS: '1', OFFER_TIMEOUT_SECONDS: '30' });
  const { env, sockets } = live;
  const people = actors(live);
  let hookUrl: string;
  let admin: string;
  let counsellor: { id: string; token: string };
  const receiver = webhookReceiver();

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${live.base}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, text, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined) as Json & Json[] };
  };

  beforeAll(async () => {
    hookUrl = receiver.url;
    const a = await env.staff({ role: 'admin' });
    admin = await login(live.base, a.email, a.password);
    const c = await env.staff({ languages: ['pl'] });
    counsellor = { id: c.id, token: await login(live.base, c.email, c.password) };
  });

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await env.resetLine();
  });

  async function addWebhookService(): Promise<string> {
    const made = await call('POST', '/api/services', admin, {
      name: 'Zespół interwencyjny', kind: 'mobile-team', phone: '+48 000 000 000', hours: '24/7', region: 'PL-LU', languages: ['pl'],
      channel: { type: 'webhook', url: hookUrl, secret: SECRET },
    });
    expect(made.status).toBe(201);
    return made.body.id as string;
  }

  /** An active Polish chat with the file's counsellor. */
  async function activeChat() {
    const staff = live.keep(await connectStaff(live.base, counsellor.token));
    await ask(staff, 'presence:set', { status: 'available' });
    const chat = await people.activeChat({ socket: staff }, 'pl');
    return { staff, survivor: chat.socket, sessionId: chat.sessionId };
  }

  it('lists, edits, switches off and re-channels a service, never showing its secret, and only to an admin', async () => {
    const id = await addWebhookService();
    const all = await call('GET', '/api/services/all', admin);
    expect(all.status).toBe(200);
    expect(all.body.find((s) => s.id === id)).toMatchObject({ channel: 'webhook', webhookUrl: hookUrl, active: true });
    const forEditing = await call('GET', '/api/admin/services', admin);
    expect(forEditing.body.find((s) => s.id === id)).toMatchObject({ name: 'Zespół interwencyjny', kind: 'mobile-team', phone: '+48 000 000 000', channel: 'webhook', webhookUrl: hookUrl, active: true });
    for (const answer of [all.text, forEditing.text]) expect(answer).not.toContain(SECRET);
    // nor in any other form (sealed, hashed): each entry carries exactly the documented fields
    const PUBLIC_FIELDS = ['channel', 'hours', 'id', 'kind', 'languages', 'name', 'phone', 'region'];
    expect(Object.keys(all.body.find((s) => s.id === id)!).sort()).toEqual([...PUBLIC_FIELDS, 'active', 'emailTo', 'webhookUrl'].sort());
    expect(Object.keys(forEditing.body.find((s) => s.id === id)!).sort()).toEqual([...PUBLIC_FIELDS, 'active', 'emailTo', 'names', 'webhookUrl'].sort());

    const edited = await call('PATCH', `/api/admin/services/${id}`, admin, { names: { uk: 'Мобільна команда' }, phone: '', region: 'PL-MA' });
    expect(edited).toMatchObject({ status: 200, body: { id } });
    const after = (await call('GET', '/api/admin/services', admin)).body.find((s) => s.id === id)!;
    expect(after).toMatchObject({ names: expect.objectContaining({ uk: 'Мобільна команда' }), region: 'PL-MA' });
    expect(after.phone ?? null).toBeNull();
    expect((await call('PATCH', `/api/admin/services/${id}`, admin, { kind: 42 })).body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/kind/) } });

    // out of the public directory, still in the admin's
    expect(await call('PATCH', `/api/services/${id}`, admin, { active: false })).toMatchObject({ status: 200 });
    expect((await call('GET', '/api/services?language=pl')).body.find((s) => s.id === id)).toBeUndefined();
    expect((await call('GET', '/api/services/all', admin)).body.find((s) => s.id === id)).toMatchObject({ active: false });
    expect(await call('PATCH', `/api/services/${id}`, admin, { active: true })).toMatchObject({ status: 200 });
    expect((await call('GET', '/api/services?language=pl')).body.find((s) => s.id === id)).toMatchObject({ channel: 'webhook' });

    // a new channel and secret: the secret is kept, never shown
    const newUrl = `${hookUrl}/v2`;
    expect(await call('PATCH', `/api/services/${id}`, admin, { channel: { type: 'webhook', url: newUrl, secret: NEW_SECRET } })).toMatchObject({ status: 200 });
    const listed = [await call('GET', '/api/services/all', admin), await call('GET', '/api/admin/services', admin), await call('GET', '/api/services')];
    expect(listed[0].body.find((s) => s.id === id)).toMatchObject({ webhookUrl: newUrl });
    for (const answer of listed) {
      expect(answer.text).not.toContain(SECRET);
      expect(answer.text).not.toContain(NEW_SECRET);
    }
    expect(listed[2].text).not.toContain(newUrl);

    // a counsellor may do none of it
    for (const [method, path, body] of [['GET', '/api/services/all'], ['GET', '/api/admin/services'], ['PATCH', `/api/services/${id}`, { active: false }], ['PATCH', `/api/admin/services/${id}`, { region: 'x' }]] as [string, string, unknown?][]) {
      expect((await call(method, path, counsellor.token, body)).status).toBe(403);
    }
    expect((await call('GET', '/api/services/all')).status).toBe(401);
  });

  it('acknowledges an escalation only by the POST from its page, never by opening the link', async () => {
    const serviceId = await addWebhookService();
    const { staff, sessionId } = await activeChat();
    const statuses = collect<{ escalationId: string; status: string }>(staff, 'escalation:status');
    /** An escalation delivered to the receiver, and the path of its acknowledgement link. */
    const escalate = async () => {
      const created = await ask(staff, 'escalation:create', { sessionId, serviceId, urgency: 'today', consent: true, details: { summary: 'needs a visit' } });
      expect(created).toMatchObject({ ok: true, status: 'queued' });
      const escalationId = created.escalationId as string;
      await next(staff, 'escalation:status', (s: { escalationId: string; status: string }) => s.escalationId === escalationId && s.status === 'delivered', 20_000);
      const hook = receiver.requests.find((h) => h.body.escalationId === escalationId)!.body;
      return { escalationId, ackPath: new URL(hook.ackUrl as string).pathname };
    };
    const opened = await escalate();
    const pressed = await escalate();
    const statusOf = async (id: string) => (await env.sql<{ status: string }>(`SELECT status FROM escalation WHERE id = $1`, [id]))[0].status;

    // what a mail client's link preview does: a GET, which shows a button and changes nothing
    const page = await call('GET', opened.ackPath);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<form method="post">/);

    // the marker: the other escalation's button pressed afterwards is acknowledged and announced
    const acknowledged = next(staff, 'escalation:status', (s: { escalationId: string; status: string }) => s.escalationId === pressed.escalationId && s.status === 'acknowledged');
    const answer = await call('POST', pressed.ackPath);
    expect(answer).toMatchObject({ status: 200, body: { escalationId: pressed.escalationId, status: 'acknowledged' } });
    await acknowledged;
    expect(await statusOf(pressed.escalationId)).toBe('acknowledged');
    expect(await statusOf(opened.escalationId)).toBe('delivered');
    expect(statuses.filter((s) => s.escalationId === opened.escalationId).map((s) => s.status)).not.toContain('acknowledged');

    // the page's button (a POST to the same address) does acknowledge
    expect(await call('POST', opened.ackPath)).toMatchObject({ status: 200, body: { escalationId: opened.escalationId, status: 'acknowledged' } });
    expect(await statusOf(opened.escalationId)).toBe('acknowledged');
  });

  it('shows the duty board who is on duty with their load, and the day\'s waits after a chat', async () => {
    const m = await env.staff({ role: 'manager' });
    const manager = await login(live.base, m.email, m.password);
    const { staff, sessionId } = await activeChat();

    const onDuty = await call('GET', '/api/board/on-duty', manager);
    expect(onDuty.status).toBe(200);
    expect(onDuty.body.find((s) => s.id === counsellor.id)).toEqual({
      id: counsellor.id, name: expect.any(String), role: 'counsellor', languages: ['pl'], presence: 'available', since: expect.any(String), maxChats: 1, activeChats: 1, offers: 0,
    });
    // offline staff (the manager, the admin) are not on the board
    expect(onDuty.body.every((s) => s.presence !== 'offline')).toBe(true);
    expect((await call('GET', '/api/board/on-duty', counsellor.token)).status).toBe(403);

    const [{ created }] = await env.sql<{ created: Date }>(`SELECT created_at AS created FROM chat_session WHERE id = $1`, [sessionId]);
    const day = created.toISOString().slice(0, 10);
    const hour = new Date(Math.floor(created.getTime() / 3_600_000) * 3_600_000).toISOString();
    const before = await call('GET', `/api/board/waits?day=${day}`, manager);
    expect(before.status).toBe(200);
    const contactsBefore = (before.body as unknown as { hours: { contacts: number }[] }).hours.reduce((n, h) => n + h.contacts, 0);

    expect(await ask(staff, 'session:close', { sessionId, outcome: 'supported', riskLevel: 'none', categories: [] })).toEqual({ ok: true });
    const waits = await eventually(async () => {
      const res = await call('GET', `/api/board/waits?day=${day}`, manager);
      const body = res.body as unknown as { day: string; hours: { hour: string; waitBand: string; contacts: number }[] };
      return body.hours.reduce((n, h) => n + h.contacts, 0) > contactsBefore ? body : undefined;
    }, 30_000, 250);
    expect(waits.day).toBe(day);
    expect(waits.hours).toContainEqual({ hour, waitBand: 'under-1m', contacts: expect.any(Number) });
    expect((await call('GET', '/api/board/waits?day=yesterday', manager)).body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/day/) } });
    expect((await call('GET', `/api/board/waits?day=${day}`, counsellor.token)).status).toBe(403);
  });

  it('refuses the 21st new chat from one address within ten minutes, and no other address', async () => {
    const from = (address: string) => async (): Promise<Socket> => {
      const socket = io(`${live.base}/chat`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'x-forwarded-for': address } });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
      return socket;
    };
    const one = from('203.0.113.7');
    const start = async (socket: Socket) => ask(socket, 'session:start', { language: 'en', triage: { immediateDanger: false } });
    for (let i = 1; i <= 20; i++) expect(await start(await one())).toMatchObject({ ok: true, sessionId: expect.any(String) });
    const refused = await one();
    expect(await start(refused)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(refused.connected).toBe(true);
    expect(await start(await from('203.0.113.8')())).toMatchObject({ ok: true });
  });
});
