import { ask, connectStaff, connectSurvivor, eventually, login, next } from './support/clients';
import { liveService } from './support/live-service';
import { webhookReceiver } from './support/webhook-receiver';

const SECRET = 'webhook-secret-for-target-tests-0123';

/**
 * Webhook targets that lead inside the organisation's network: refused when an admin adds them
 * (after DNS) and again when a worker delivers, for good and without a word about the network.
 */
describe('webhook targets', () => {
  // any request at all is a failure here: it counts them
  const receiver = webhookReceiver();
  const live = liveService();
  const { env, sockets } = live;
  let privateBase: string;
  let adminToken: string;

  beforeAll(async () => {
    // the same organisation once allowed its own network: services pointing inside already exist
    privateBase = await env.gateway({ ALLOW_PRIVATE_WEBHOOKS: 'true' }); // the worker runs without it
    const admin = await env.staff({ role: 'admin' });
    adminToken = await login(live.base, admin.email, admin.password);
  });

  const send = (gateway: string, method: string, path: string, body: object) =>
    fetch(`${gateway}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: JSON.stringify(body) });
  const service = (url: string) => ({ name: 'Mobile team', kind: 'mobile-team', phone: '+48 000 000 000', region: 'PL-LU', languages: ['pl'], channel: { type: 'webhook', url, secret: SECRET } });

  it('refuses at creation a URL that is, or resolves to, an internal address: 400 naming channel.url, never echoing the host', async () => {
    for (const url of [
      'https://10.0.0.1/hook',
      'https://localhost/hook?token=T0K3N', // resolves to 127.0.0.1 (/etc/hosts)
      'https://vm/hook', // a name in /etc/hosts for 127.0.0.1
      `http://127.0.0.1:${receiver.port}/hook`,
      'https://[::ffff:169.254.169.254]/latest',
      'https://[fd00::1]/hook',
      'https://100.64.0.1/hook',
    ]) {
      const res = await send(live.base, 'POST', '/api/services', service(url));
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect([url, res.status, body.error.code]).toEqual([url, 400, 'invalid_input']);
      expect(body.error.message).toMatch(/^channel\.url: .*internal address/);
      expect(body.error.message).not.toMatch(/10\.0\.0\.1|localhost|T0K3N|vm|127\.0\.0\.1|169\.254|fd00|100\.64/);
    }
    expect(await env.sql(`SELECT 1 FROM service WHERE channel_type = 'webhook'`)).toHaveLength(0);
  });

  it('refuses the same when an existing service\'s channel is changed (PATCH)', async () => {
    const phone = await send(live.base, 'POST', '/api/services', { ...service('x'), channel: { type: 'phone' } });
    expect(phone.status).toBe(201);
    const { id } = (await phone.json()) as { id: string };
    const res = await send(live.base, 'PATCH', `/api/services/${id}`, { channel: { type: 'webhook', url: 'https://localhost:8443/hook', secret: SECRET } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^channel\.url: /) });
    for (const [bad, field] of [[{}, /active or channel/], [{ channel: 'webhook' }, /channel/], [{ channel: { type: 'webhook' } }, /^channel: /], [{ channel: { type: 'pigeon' } }, /channel\.type/], [{ active: 'yes' }, /active/]] as [object, RegExp][]) {
      const answer = await send(live.base, 'PATCH', `/api/services/${id}`, bad);
      expect([JSON.stringify(bad), answer.status]).toEqual([JSON.stringify(bad), 400]);
      expect(((await answer.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(field) });
    }
    const [row] = await env.sql<{ channel_type: string; webhook_url: string | null }>(`SELECT channel_type, webhook_url FROM service WHERE id = $1`, [id]);
    expect(row).toEqual({ channel_type: 'phone', webhook_url: null });
    // the gateway that allows private targets takes the change, and seals the secret bound to this service
    expect((await send(privateBase, 'PATCH', `/api/services/${id}`, { channel: { type: 'webhook', url: `http://127.0.0.1:${receiver.port}/hook`, secret: SECRET } })).status).toBe(200);
    const [changed] = await env.sql<{ channel_type: string; webhook_secret: Buffer }>(`SELECT channel_type, webhook_secret FROM service WHERE id = $1`, [id]);
    expect(changed.channel_type).toBe('webhook');
    expect(changed.webhook_secret[0]).toBe(1);
  });

  async function escalate(serviceId: string) {
    const c = await env.staff({ languages: ['pl'] });
    const staff = await connectStaff(live.base, await login(live.base, c.email, c.password));
    const manager = await env.staff({ role: 'manager' });
    const managerSocket = await connectStaff(live.base, await login(live.base, manager.email, manager.password));
    sockets.push(staff, managerSocket);
    await ask(staff, 'presence:set', { status: 'available' });
    const survivor = await connectSurvivor(live.base);
    sockets.push(survivor);
    const offer = next<{ sessionId: string }>(staff, 'offer');
    await ask(survivor, 'session:start', { language: 'pl', triage: { immediateDanger: true } });
    const { sessionId } = await offer;
    await ask(staff, 'offer:accept', { sessionId });
    await ask(staff, 'presence:set', { status: 'away' });
    const alert = next<Record<string, unknown>>(managerSocket, 'alert', (a) => a.kind === 'escalation-failed', 20_000);
    const failed = next<{ status: string }>(staff, 'escalation:status', (s) => s.status === 'failed', 20_000);
    const created = await ask(staff, 'escalation:create', { sessionId, serviceId, urgency: 'immediate', consent: true, details: { summary: 'needs a visit tonight' } });
    expect(created).toMatchObject({ ok: true, status: 'queued' });
    await failed;
    return { escalationId: created.escalationId as string, alert: await alert };
  }

  it('a delivery to a target that is now internal fails for good at the first attempt, with a reason that reveals nothing', async () => {
    const made = await send(privateBase, 'POST', '/api/services', service(`http://127.0.0.1:${receiver.port}/hook?token=T0K3N`));
    expect(made.status).toBe(201);
    const { id: serviceId } = (await made.json()) as { id: string };
    const { escalationId, alert } = await escalate(serviceId);
    expect(alert).toEqual({ kind: 'escalation-failed', escalationId, sessionId: expect.any(String), channel: 'webhook', reason: 'refused-address', at: expect.any(String) });
    const [row] = await env.sql<{ status: string; attempts: number; last_error: string }>(`SELECT status, attempts, last_error FROM escalation WHERE id = $1`, [escalationId]);
    expect(row).toEqual({ status: 'failed', attempts: 1, last_error: 'refused-address' });
    expect(receiver.requests.length).toBe(0);
    await eventually(async () => env.logs.includes('escalation delivery failed for good'));
    expect(env.logs).not.toContain('T0K3N');
    expect(env.logs).not.toContain(`127.0.0.1:${receiver.port}`);
  });

  it('a webhook secret copied to another service\'s row does not open: that delivery fails for good, nothing is sent', async () => {
    const ids: string[] = [];
    for (const secret of [SECRET, 'another-services-secret-0123']) {
      const res = await send(privateBase, 'POST', '/api/services', { ...service(`http://127.0.0.1:${receiver.port}/hook`), channel: { type: 'webhook', url: `http://127.0.0.1:${receiver.port}/hook`, secret } });
      ids.push(((await res.json()) as { id: string }).id);
    }
    await env.sql(`UPDATE service SET webhook_secret = (SELECT webhook_secret FROM service WHERE id = $1) WHERE id = $2`, [ids[0], ids[1]]);
    const { escalationId, alert } = await escalate(ids[1]);
    expect(alert).toMatchObject({ escalationId, reason: 'sealed-data' });
    const [row] = await env.sql<{ attempts: number }>(`SELECT attempts FROM escalation WHERE id = $1`, [escalationId]);
    expect(row.attempts).toBe(1);
    expect(receiver.requests.length).toBe(0);
  });
});
