import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { actors } from './support/actors';
import { ask, connectStaff, eventually, login, next } from './support/clients';
import { liveService } from './support/live-service';
import { addService, mobileTeam } from './support/services';
import { webhookReceiver } from './support/webhook-receiver';

type Status = { escalationId: string; status: string; sessionId: string; serviceId: string; at: string };
const SECRET = 'webhook-secret-for-tests-0123456789';

/** One MIME entity's body, decoded by its Content-Transfer-Encoding (nodemailer's 7bit, quoted-printable or base64). */
function decodeBody(headers: string, body: string): string {
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(headers)?.[1].toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return body;
}

/** A received message's parts as `{type, text}`, multiparts opened (the test reads what a mail client would show). */
function mimeParts(raw: string): { type: string; text: string }[] {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const type = /^content-type:\s*([^;\s]+)/im.exec(headers)?.[1].toLowerCase() ?? 'text/plain';
  const boundary = /boundary="?([^";\s]+)"?/i.exec(headers)?.[1];
  if (!type.startsWith('multipart/') || !boundary) return [{ type, text: decodeBody(headers, body) }];
  return body.split(`--${boundary}`).slice(1, -1).flatMap((part) => mimeParts(part.replace(/^\r?\n/, '')));
}

describe('escalation to crisis services', () => {
  const mails: { to: string; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  const receiver = webhookReceiver(SECRET);
  // the mail server first: its port is in the service's settings
  beforeAll(async () => {
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
  });
  // declared before the service, so it runs before the processes stop
  afterAll(() => smtp.close());
  // the receivers listen on loopback, which webhooks reach only with ALLOW_PRIVATE_WEBHOOKS
  const live = liveService(() => ({
    SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`, PUBLIC_URL: 'http://127.0.0.1:9', ALLOW_PRIVATE_WEBHOOKS: 'true',
  }));
  const { env, sockets } = live;
  const people = actors(live);
  let adminToken: string;

  beforeAll(async () => {
    const admin = await env.staff({ role: 'admin' });
    adminToken = await login(live.base, admin.email, admin.password);
  });

  const addTeam = (channel: object) => addService(live.base, adminToken, mobileTeam(channel));

  /** A chat in immediate danger, active with a Polish counsellor who has since stepped away (so nothing else is offered to them). */
  async function activeChat() {
    const counsellor = await people.counsellor(['pl'], { available: true });
    const chat = await people.activeChat(counsellor, 'pl', { immediateDanger: true });
    await ask(counsellor.socket, 'presence:set', { status: 'away' });
    return { staff: counsellor.socket, sessionId: chat.sessionId, counsellor, resumeToken: chat.resumeToken };
  }

  it('delivers a signed webhook, retries a 503, counts one delivery, and takes the acknowledgement', async () => {
    const serviceId = await addTeam({ type: 'webhook', url: receiver.url, secret: SECRET });
    receiver.answer = (n, res) => (n === 1 ? res.writeHead(503).end() : res.writeHead(200).end('{}'));
    const { staff, sessionId } = await activeChat();
    const manager = await env.staff({ role: 'manager' });
    const managerSocket = await connectStaff(live.base, await login(live.base, manager.email, manager.password));
    sockets.push(managerSocket);
    const summary = `SUMMARY-${randomUUID()}`;
    const delivered = next<Status>(staff, 'escalation:status', (s) => s.status === 'delivered', 30_000);
    const managerSees = next<Status>(managerSocket, 'escalation:status', (s) => s.status === 'delivered', 30_000);
    const created = await ask(staff, 'escalation:create', {
      sessionId, serviceId, urgency: 'immediate', consent: true, details: { summary, callbackPhone: '+48 600 000 000', location: 'Lublin, centrum' },
    });
    expect(created).toMatchObject({ ok: true, status: 'queued', channel: 'webhook' });
    const escalationId = created.escalationId as string;
    expect((await delivered).escalationId).toBe(escalationId);
    expect((await managerSees).sessionId).toBe(sessionId);

    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests.every((r) => r.valid && r.key === escalationId)).toBe(true);
    expect(new Set(receiver.requests.map((r) => r.key)).size).toBe(1);
    const body = receiver.requests[1].body;
    expect(body).toMatchObject({ escalationId, service: { id: serviceId }, urgency: 'immediate', language: 'pl', details: { summary, callbackPhone: '+48 600 000 000', location: 'Lublin, centrum' } });
    expect(Object.keys(body).sort()).toEqual(['ackUrl', 'createdAt', 'details', 'escalationId', 'language', 'service', 'urgency']);

    // the service acknowledges through its signed link; a forged link is refused
    const ackPath = new URL(body.ackUrl as string).pathname;
    const acknowledged = next<Status>(staff, 'escalation:status', (s) => s.status === 'acknowledged');
    expect((await fetch(`${live.base}${ackPath}x`, { method: 'POST' })).status).toBe(404);
    const ack = await fetch(`${live.base}${ackPath}`, { method: 'POST' });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toEqual({ escalationId, status: 'acknowledged' });
    await acknowledged;

    // the details are sealed in PostgreSQL and never reached Redis or a log line
    const [row] = await env.sql<{ details: Buffer }>(`SELECT details FROM escalation WHERE id = $1`, [escalationId]);
    expect(row.details.toString('latin1')).not.toContain(summary);
    expect(await env.redisDump()).not.toContain(summary);
    expect(env.logs).toContain('escalation delivered');
    expect(env.logs).not.toContain(summary);
    expect(env.logs).not.toContain('Lublin, centrum');
  });

  it('fails for good on a 4xx and alerts the managers', async () => {
    const serviceId = await addTeam({ type: 'webhook', url: receiver.url, secret: SECRET });
    receiver.answer = (_n, res) => res.writeHead(400).end();
    const manager = await env.staff({ role: 'manager' });
    const managerSocket = await connectStaff(live.base, await login(live.base, manager.email, manager.password));
    sockets.push(managerSocket);
    const { staff, sessionId } = await activeChat();
    const alert = next<{ kind: string; escalationId: string; channel?: string }>(managerSocket, 'alert', (a) => a.kind === 'escalation-failed', 20_000);
    const created = await ask(staff, 'escalation:create', { sessionId, serviceId, urgency: 'today', consent: true, details: { summary: 'needs a visit' } });
    // a delivery that failed, not a call that did not get through; managers get a fixed code, the log the status code
    expect(await alert).toMatchObject({ escalationId: created.escalationId, sessionId, channel: 'webhook', reason: 'http-error' });
    const [row] = await env.sql<{ status: string; attempts: number; last_error: string }>(`SELECT status, attempts, last_error FROM escalation WHERE id = $1`, [created.escalationId]);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, last_error: 'http-error' });
    await eventually(async () => env.logs.includes('"failure":"webhook answered 400"'));
  });

  it('sends an e-mail service the same content by SMTP: the service, the urgency, the details, a working acknowledgement link, and nothing else of the chat', async () => {
    const serviceId = await addTeam({ type: 'email', to: 'duty@crisis.example.org' });
    const [service] = await env.sql<{ name: string }>(`SELECT name FROM service WHERE id = $1`, [serviceId]);
    const { staff, sessionId, counsellor, resumeToken } = await activeChat();
    expect(resumeToken).toEqual(expect.any(String));
    const details = { summary: `Prosi o kontakt jutro rano, boi się męża ${randomUUID().slice(0, 8)}`, callbackPhone: '+48 611 222 444', location: 'Lublin, ul. Łąkowa 3' };
    const delivered = next<Status>(staff, 'escalation:status', (s) => s.status === 'delivered', 20_000);
    const created = await ask(staff, 'escalation:create', { sessionId, serviceId, urgency: 'routine', consent: true, details });
    const escalationId = created.escalationId as string;
    await delivered;
    const mail = mails.find((m) => m.raw.includes(escalationId))!;
    expect(mail.to).toBe('duty@crisis.example.org');
    expect(mail.raw).toMatch(new RegExp(`X-Prystan-Escalation-Id: ${escalationId}`, 'i'));
    // the subject names the urgency and no details
    expect(mail.raw).toMatch(new RegExp(`^Subject: \\[Prystan\\] Escalation \\(routine\\) ${escalationId.slice(0, 8)}\\r?$`, 'm'));

    // both the plain text and the HTML part carry the service, the urgency and everything the counsellor entered
    const parts = mimeParts(mail.raw);
    expect(parts.map((p) => p.type).sort()).toEqual(['text/html', 'text/plain']);
    const text = parts.find((p) => p.type === 'text/plain')!.text;
    const html = parts.find((p) => p.type === 'text/html')!.text;
    expect(text).toContain(`Service: ${service.name}`);
    expect(text).toContain('Urgency: routine');
    expect(text).toContain(`Summary: ${details.summary}`);
    expect(text).toContain(`Call back on: ${details.callbackPhone}`);
    expect(text).toContain(`Location: ${details.location}`);
    for (const value of [service.name, 'routine', ...Object.values(details)]) expect(html).toContain(value);

    // its link is the service's acknowledgement: answering it marks the escalation acknowledged
    const links = text.match(/https?:\/\/\S+/g) ?? [];
    expect(links).toHaveLength(1);
    const link = links[0]!;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:9\/api\/escalations\/ack\/[^/\s]+$/);
    expect(html).toContain(`href="${link}"`);
    const acknowledged = next<Status>(staff, 'escalation:status', (s) => s.status === 'acknowledged');
    const ack = await fetch(`${live.base}${new URL(link).pathname}`, { method: 'POST' });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toEqual({ escalationId, status: 'acknowledged' });
    await acknowledged;

    // nothing that would let a reader reach the chat or the people in it
    for (const secret of [sessionId, resumeToken, counsellor.email, counsellor.id]) {
      expect(mail.raw).not.toContain(secret);
      expect(text).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
  });

  it('records the result of a phone escalation the counsellor made; a call that does not get through alerts the managers as a call', async () => {
    const serviceId = await addTeam({ type: 'phone' });
    const { staff, sessionId } = await activeChat();
    const manager = await env.staff({ role: 'manager' });
    const managerSocket = await connectStaff(live.base, await login(live.base, manager.email, manager.password));
    sockets.push(managerSocket);
    const created = await ask(staff, 'escalation:create', { sessionId, serviceId, urgency: 'immediate', consent: true, details: { summary: 'called the team' } });
    expect(created).toMatchObject({ ok: true, status: 'queued', channel: 'phone', phone: '+48 000 000 000' });
    // another counsellor cannot record a result on it, and nothing changes
    const colleague = await env.staff({ languages: ['pl'] });
    const colleagueSocket = await connectStaff(live.base, await login(live.base, colleague.email, colleague.password));
    sockets.push(colleagueSocket);
    expect(await ask(colleagueSocket, 'escalation:phone-result', { escalationId: created.escalationId, result: 'reached' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const [untouched] = await env.sql<{ status: string; phone_result: string | null }>(`SELECT status, phone_result FROM escalation WHERE id = $1`, [created.escalationId]);
    expect(untouched).toEqual({ status: 'queued', phone_result: null });
    const alert = next<Record<string, unknown>>(managerSocket, 'alert', (a) => a.kind === 'escalation-failed');
    expect(await ask(staff, 'escalation:phone-result', { escalationId: created.escalationId, result: 'not-reached' })).toMatchObject({ ok: true, status: 'failed' });
    expect(await alert).toEqual({ kind: 'escalation-failed', escalationId: created.escalationId, sessionId, channel: 'phone', at: expect.any(String) });
    expect(await ask(staff, 'escalation:phone-result', { escalationId: created.escalationId, result: 'reached' })).toMatchObject({ ok: true, status: 'delivered' });
  });

  it('lists a counsellor\'s own escalations with each chat in sessions:list, for restoring the console, never the details', async () => {
    const phoneId = await addTeam({ type: 'phone' });
    const hookId = await addTeam({ type: 'webhook', url: receiver.url, secret: SECRET });
    receiver.answer = (_n, res) => res.writeHead(200).end('{}');
    const { staff, sessionId, counsellor } = await activeChat();
    const [service] = await env.sql<{ name: string }>(`SELECT name FROM service WHERE id = $1`, [phoneId]);
    const secret = { summary: `SUMMARY-${randomUUID()}`, callbackPhone: '+48 611 222 333', location: 'Lublin, ul. Tajna 7' };
    const delivered = next<Status>(staff, 'escalation:status', (s) => s.status === 'delivered', 20_000);
    const byPhone = await ask(staff, 'escalation:create', { sessionId, serviceId: phoneId, urgency: 'immediate', consent: true, details: secret });
    const byHook = await ask(staff, 'escalation:create', { sessionId, serviceId: hookId, urgency: 'today', consent: true, details: secret });
    await delivered;
    await ask(staff, 'escalation:phone-result', { escalationId: byPhone.escalationId, result: 'called' });

    // a new sign-in: a new token and socket of the same counsellor
    const again = await connectStaff(live.base, await login(live.base, counsellor.email, counsellor.password));
    sockets.push(again);
    const listed = await ask(again, 'sessions:list', { scope: 'mine' });
    expect(listed.ok).toBe(true);
    const chat = (listed.sessions as { sessionId: string; escalations: Record<string, unknown>[] }[]).find((c) => c.sessionId === sessionId)!;
    expect(chat.escalations).toEqual([
      { escalationId: byPhone.escalationId, sessionId, serviceId: phoneId, status: 'queued', phoneResult: 'called', at: expect.any(String),
        urgency: 'immediate', serviceName: service.name, serviceKind: 'mobile-team', channel: 'phone', phone: '+48 000 000 000', raisedByMe: true },
      { escalationId: byHook.escalationId, sessionId, serviceId: hookId, status: 'delivered', at: expect.any(String),
        urgency: 'today', serviceName: expect.stringMatching(/^Mobile team /), serviceKind: 'mobile-team', channel: 'webhook', raisedByMe: true },
    ]);
    const text = JSON.stringify(listed);
    for (const value of Object.values(secret)) expect(text).not.toContain(value);
    expect(text).not.toContain(`127.0.0.1:${receiver.port}`);

    // someone else's chats and escalations are not in one's own list
    const other = await env.staff({ languages: ['pl'] });
    const otherSocket = await connectStaff(live.base, await login(live.base, other.email, other.password));
    sockets.push(otherSocket);
    const theirs = await ask(otherSocket, 'sessions:list', { scope: 'mine' });
    expect(JSON.stringify(theirs)).not.toContain(byPhone.escalationId as string);

    // once the chat is transferred to them, they see what was already done for this person (never the details)
    const offered = next<{ sessionId: string }>(otherSocket, 'offer');
    await ask(otherSocket, 'presence:set', { status: 'available' });
    expect(await ask(staff, 'session:transfer', { sessionId, toStaffId: other.id })).toMatchObject({ ok: true });
    expect((await offered).sessionId).toBe(sessionId);
    expect(await ask(otherSocket, 'offer:accept', { sessionId })).toMatchObject({ ok: true });
    const afterTransfer = await ask(otherSocket, 'sessions:list', { scope: 'mine' });
    const taken = (afterTransfer.sessions as { sessionId: string; escalations: { escalationId: string; raisedByMe: boolean }[] }[]).find((c) => c.sessionId === sessionId)!;
    expect(taken.escalations.map((e) => [e.escalationId, e.raisedByMe])).toEqual([[byPhone.escalationId, false], [byHook.escalationId, false]]);
    for (const value of Object.values(secret)) expect(JSON.stringify(afterTransfer)).not.toContain(value);
    expect(env.logs).not.toContain(secret.callbackPhone);
    expect(env.logs).not.toContain(secret.location);
  });

  it('delivers once and loses nothing when the worker dies mid-delivery', async () => {
    const serviceId = await addTeam({ type: 'webhook', url: receiver.url, secret: SECRET });
    const before = receiver.requests.length;
    let hung: ServerResponse | undefined;
    const answered2xx: number[] = [];
    receiver.answer = (n, res) => {
      if (n === before + 1) hung = res;
      else { res.writeHead(200).end('{}'); answered2xx.push(n); }
    };
    const { staff, sessionId } = await activeChat();
    const created = await ask(staff, 'escalation:create', { sessionId, serviceId, urgency: 'immediate', consent: true, details: { summary: 'mid-delivery' } });
    await eventually(async () => hung !== undefined, 10_000);
    await live.workers[0].stop('SIGKILL');
    hung!.destroy();
    await env.worker();
    await eventually(async () => {
      const [row] = await env.sql<{ status: string }>(`SELECT status FROM escalation WHERE id = $1`, [created.escalationId]);
      return row.status === 'delivered';
    }, 50_000, 250);
    // the marker: a later escalation delivered after it, so a second delivery of the first would have come by now
    const later = await ask(staff, 'escalation:create', { sessionId, serviceId, urgency: 'immediate', consent: true, details: { summary: 'after it' } });
    await eventually(async () => receiver.requests.some((r) => r.key === later.escalationId), 30_000, 100);
    const ours = receiver.requests.slice(before).filter((r) => r.key === created.escalationId);
    expect(ours.length).toBeGreaterThanOrEqual(2); // the one cut off, and the one after the restart
    const delivered = answered2xx.filter((n) => receiver.requests[n - 1].key === created.escalationId);
    expect(delivered).toHaveLength(1);
  });
});
