import { randomBytes, randomUUID } from 'node:crypto';
import { keyIdOf, SealedBox } from '@prystan/crypto';
import { ask, connectStaff, connectSurvivor, eventually, login, next } from './support/clients';
import { liveService } from './support/live-service';
import { runCli, type AppProcess } from './support/processes';
import { webhookReceiver } from './support/webhook-receiver';

const OLD = randomBytes(32).toString('base64');
const NEW = randomBytes(32).toString('base64');
const OLD_ID = keyIdOf(Buffer.from(OLD, 'base64'));
const NEW_ID = keyIdOf(Buffer.from(NEW, 'base64'));
const SECRET = 'webhook-secret-for-rotation-0123';

/**
 * MESSAGE_KEY as a keyring, through real processes and the real database: data sealed under an
 * old key (and in the pre-keyring format) opens after `MESSAGE_KEY=new,old`, and after
 * `keys rotate` with the new key alone.
 */
describe('key rotation', () => {
  const receiver = webhookReceiver(SECRET);
  const received = receiver.requests;
  const live = liveService({ MESSAGE_KEY: OLD, ALLOW_PRIVATE_WEBHOOKS: 'true' }, { gateways: 0, workers: 0 });
  const { env, sockets } = live;

  const texts = { first: `first-${randomUUID()}`, second: `druga-${randomUUID()}`, legacy: `stara-${randomUUID()}`, later: `later-${randomUUID()}` };
  const summaries = [`SUMMARY-${randomUUID()}`, `SUMMARY-${randomUUID()}`];

  async function resume(base: string, token: string): Promise<{ token: string; texts: string[] }> {
    const survivor = await connectSurvivor(base);
    sockets.push(survivor);
    const ack = await ask(survivor, 'session:resume', { resumeToken: token });
    expect(ack.ok).toBe(true);
    return { token: (ack.resumeToken as string | undefined) ?? token, texts: (ack.messages as { text: string }[]).map((m) => m.text) };
  }

  async function stopAll(processes: AppProcess[]) {
    await Promise.all(processes.map((p) => p.stop()));
  }

  it('opens old-key data with MESSAGE_KEY=new,old, re-seals it all with keys rotate, and opens it with the new key alone', async () => {
    // 1. everything sealed under the old key (and one message in the pre-keyring format)
    const oldGateway = await env.gateway();
    const oldWorker = await env.worker(); // routes the chat, then leaves before the escalation
    const admin = await env.staff({ role: 'admin' });
    const adminToken = await login(oldGateway, admin.email, admin.password);
    const made = await fetch(`${oldGateway}/api/services`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ name: 'Mobile team', kind: 'mobile-team', phone: '+48 000 000 000', languages: ['pl'], channel: { type: 'webhook', url: receiver.url, secret: SECRET } }),
    });
    const serviceId = ((await made.json()) as { id: string }).id;
    const counsellor = await env.staff({ languages: ['pl'] });
    const staff = await connectStaff(oldGateway, await login(oldGateway, counsellor.email, counsellor.password));
    const survivor = await connectSurvivor(oldGateway);
    sockets.push(staff, survivor);
    await ask(staff, 'presence:set', { status: 'available' });
    const offer = next<{ sessionId: string }>(staff, 'offer');
    const started = await ask(survivor, 'session:start', { language: 'pl', triage: { immediateDanger: false } });
    const { sessionId } = await offer;
    await ask(staff, 'offer:accept', { sessionId });
    await ask(staff, 'presence:set', { status: 'away' });
    await oldWorker.stop();
    expect(await ask(survivor, 'message:send', { clientId: 'c1', text: texts.first })).toMatchObject({ ok: true });
    expect(await ask(survivor, 'message:send', { clientId: 'c2', text: texts.second })).toMatchObject({ ok: true });
    const queued = await ask(staff, 'escalation:create', { sessionId, serviceId, urgency: 'today', consent: true, details: { summary: summaries[0] } });
    expect(queued).toMatchObject({ ok: true, status: 'queued' }); // no worker yet: it waits, sealed under the old key
    await env.sql(`INSERT INTO message (id, session_id, sender, body) VALUES ($1, $2, 'system', $3)`, [randomUUID(), sessionId, new SealedBox(Buffer.from(OLD, 'base64')).seal(texts.legacy, sessionId)]);
    const [secretRow] = await env.sql<{ webhook_secret: Buffer }>(`SELECT webhook_secret FROM service WHERE id = $1`, [serviceId]);
    expect(secretRow.webhook_secret.subarray(1, 5).toString('hex')).toBe(OLD_ID);
    sockets.forEach((s) => s.close());
    await stopAll(env.processes.splice(0));

    // 2. the new key first, the old one still listed: everything opens, new data goes under the new key
    const both = { MESSAGE_KEY: `${NEW},${OLD}` };
    const bothGateway = await env.gateway(both);
    await env.worker(both);
    await eventually(async () => received.find((r) => r.body.escalationId === queued.escalationId), 20_000);
    expect(received[0]).toMatchObject({ valid: true, body: { details: { summary: summaries[0] } } });
    let token = started.resumeToken as string;
    const seen = await resume(bothGateway, token);
    token = seen.token;
    // (the chat's opening system message is there too)
    const ours = (list: string[]) => list.filter((t) => Object.values(texts).includes(t));
    expect(ours(seen.texts)).toEqual([texts.first, texts.second, texts.legacy]);
    const again = sockets[sockets.length - 1];
    expect(await ask(again, 'message:send', { clientId: 'c3', text: texts.later })).toMatchObject({ ok: true });
    const headers = await env.sql<{ key: string; n: number }>(`SELECT encode(substring(body FROM 2 FOR 4), 'hex') AS key, count(*)::int AS n FROM message WHERE get_byte(body, 0) = 1 GROUP BY 1 ORDER BY 1`);
    expect(headers).toEqual(expect.arrayContaining([{ key: NEW_ID, n: 1 }]));
    const all = (await env.sql<{ n: number }>(`SELECT count(*)::int AS n FROM message`))[0].n;
    const underOld = all - 2; // all but the pre-keyring one and the new one

    // 3. keys status, then keys rotate (twice: the second run has nothing to do); counts only, never a value
    const cliEnv = env.env(both);
    const before = await runCli(cliEnv, ['keys', 'status']);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain(`${OLD_ID}: ${underOld}`);
    expect(before.stdout).toContain('old format or unlisted key: 1');
    expect(before.stdout).toContain(`${NEW_ID}: 1`);
    const rotated = await runCli(cliEnv, ['keys', 'rotate', '--batch', '2']);
    expect([rotated.code, rotated.stderr]).toEqual([0, '']);
    expect(rotated.stdout).toContain(`message: ${all} values, ${all - 1} re-sealed, 1 already current, 0 did not open`);
    expect(rotated.stdout).toContain('escalation: 1 values, 1 re-sealed');
    expect(rotated.stdout).toContain('serviceSecret: 1 values, 1 re-sealed');
    const output = rotated.stdout + before.stdout + rotated.stderr;
    for (const secret of [...Object.values(texts), ...summaries, SECRET, NEW, OLD]) expect(output).not.toContain(secret);
    const second = await runCli(cliEnv, ['keys', 'rotate']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`message: ${all} values, 0 re-sealed, ${all} already current`);
    const after = await runCli(env.env({ MESSAGE_KEY: NEW }), ['keys', 'status']);
    expect(after.stdout).toContain(`message: ${NEW_ID}: ${all}`);
    expect(after.stdout).toContain(`serviceSecret: ${NEW_ID}: 1`);
    expect(after.stdout).not.toContain('old format');
    sockets.forEach((s) => s.close());
    await stopAll(env.processes.splice(0));

    // 4. the old key gone: every message, the details and the service secret open with the new key alone
    const onlyNew = { MESSAGE_KEY: NEW };
    const newGateway = await env.gateway(onlyNew);
    await env.worker(onlyNew);
    const last = await resume(newGateway, token);
    expect(ours(last.texts)).toEqual([texts.first, texts.second, texts.legacy, texts.later]);
    expect(last.texts).toHaveLength(all);
    const staffAgain = await connectStaff(newGateway, await login(newGateway, counsellor.email, counsellor.password));
    sockets.push(staffAgain);
    const delivered = next<{ status: string }>(staffAgain, 'escalation:status', (s) => s.status === 'delivered', 20_000);
    const fresh = await ask(staffAgain, 'escalation:create', { sessionId, serviceId, urgency: 'routine', consent: true, details: { summary: summaries[1] } });
    expect(fresh).toMatchObject({ ok: true });
    await delivered;
    expect(received.find((r) => r.body.escalationId === fresh.escalationId)).toMatchObject({ valid: true, body: { details: { summary: summaries[1] } } });
    expect(env.logs).not.toContain(texts.first);
  }, 180_000); // three generations of processes, each stopped gracefully

  it('keys rotate says so, and exits 1, when some values open with no listed key', async () => {
    const stranger = randomBytes(32).toString('base64');
    const res = await runCli(env.env({ MESSAGE_KEY: stranger }), ['keys', 'rotate']);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/message: (\d+) values, 0 re-sealed, 0 already current, \1 did not open/);
    expect(res.stdout).toMatch(/did not open with any key in MESSAGE_KEY/);
    const bad = await runCli(env.env({ MESSAGE_KEY: `${NEW}, ${OLD}` }), ['keys', 'status']);
    expect(bad.code).toBe(78);
    expect(bad.stderr).toMatch(/MESSAGE_KEY must be 1 to 10 comma-separated keys/);
    expect(bad.stderr).not.toContain(NEW);
  });
});
