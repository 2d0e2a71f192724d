import type { Socket } from 'socket.io-client';
import { ask, connectStaff, login, sleep } from './support/clients';
import { liveService } from './support/live-service';

/** How long the contract gives a revoked token's sockets to close. */
const WITHIN_MS = 1000;

/**
 * Tokens bound to their sockets across two gateways (logout, expiry, disable, new password,
 * new role, second-factor reset), and sign-in throttling that counts failures only, per
 * account and address. The gateways trust one proxy hop so a test can speak from several
 * addresses (X-Forwarded-For).
 */
describe('staff tokens and sign-in throttling', () => {
  const live = liveService({ TRUST_PROXY_HOPS: '1' }, { gateways: 2, workers: 0 });
  const { env, keep } = live;
  let one: string;
  let two: string;
  let adminToken: string;
  const emails: string[] = [];

  /** Resolves with the milliseconds from now until the socket is disconnected by the server. */
  const disconnectedWithin = (socket: Socket, ms = WITHIN_MS): Promise<number> => {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
      socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        if (reason === 'io server disconnect') resolve(Date.now() - started);
        else reject(new Error(`disconnected by ${reason}`));
      });
    });
  };
  const signIn = (base: string, email: string, password: string, from: string) =>
    fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ email, password }) }).then((r) => r.status);
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${one}${path}`, { method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    [one, two] = live.bases;
    const a = await env.staff({ role: 'admin' });
    emails.push(a.email);
    adminToken = await login(one, a.email, a.password);
  });

  it('closes every socket opened with a token within 1 s of its logout, on every gateway, and no other', async () => {
    const c = await env.staff();
    emails.push(c.email);
    const token = await login(one, c.email, c.password);
    const otherToken = await login(one, c.email, c.password);
    const onTwo = keep(await connectStaff(two, token));
    const onOne = keep(await connectStaff(one, token));
    const other = keep(await connectStaff(two, otherToken));
    const closed = Promise.all([disconnectedWithin(onTwo), disconnectedWithin(onOne)]);
    expect((await fetch(`${one}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
    const [a, b] = await closed;
    expect(Math.max(a, b)).toBeLessThan(WITHIN_MS);
    // the same person's other sign-in goes on (asked after the closes: a later marker)
    expect(await ask(other, 'sessions:list', { scope: 'mine' })).toMatchObject({ ok: true });
    expect(other.connected).toBe(true);
    await expect(connectStaff(one, token)).rejects.toThrow('unauthorized');
  });

  it('refuses the next event of a socket whose token died without a broadcast, and closes it', async () => {
    const c = await env.staff();
    const token = await login(one, c.email, c.password);
    const socket = keep(await connectStaff(two, token));
    expect(await ask(socket, 'sessions:list', { scope: 'mine' })).toMatchObject({ ok: true });
    await env.sql(`UPDATE staff_token SET expires_at = now() - interval '1 second' WHERE staff_id = $1`, [c.id]);
    const closed = disconnectedWithin(socket, 3000);
    // the gateway may trust its answer for up to a second: ask (at a person's pace, under the
    // socket's rate limit) until it notices
    let ack = await ask(socket, 'sessions:list', { scope: 'mine' });
    while (ack.ok) {
      await sleep(150);
      ack = await ask(socket, 'sessions:list', { scope: 'mine' });
    }
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await closed;
  });

  it('closes a socket when its token expires, without any event', async () => {
    const c = await env.staff();
    const token = await login(one, c.email, c.password);
    await env.sql(`UPDATE staff_token SET expires_at = now() + interval '2 seconds' WHERE staff_id = $1`, [c.id]);
    const socket = keep(await connectStaff(two, token));
    await disconnectedWithin(socket, 2000 + WITHIN_MS + 500);
  });

  it.each([
    ['disabling the person', { disabled: true }],
    ['a new password', { password: 'a-brand-new-password' }],
    ['a new role', { role: 'manager' }],
  ])('closes the person’s sockets within 1 s after %s', async (_what, patch) => {
    const c = await env.staff();
    const socket = keep(await connectStaff(two, await login(one, c.email, c.password)));
    const closed = disconnectedWithin(socket);
    expect((await admin('PATCH', `/api/admin/staff/${c.id}`, patch)).status).toBe(200);
    expect(await closed).toBeLessThan(WITHIN_MS);
    expect(await env.sql(`SELECT 1 FROM staff_token WHERE staff_id = $1`, [c.id])).toHaveLength(0);
  });

  it('closes the person’s sockets within 1 s after a second-factor reset', async () => {
    const m = await env.staff({ role: 'manager' });
    emails.push(m.email);
    const socket = keep(await connectStaff(two, await login(one, m.email, m.password)));
    const closed = disconnectedWithin(socket);
    expect((await admin('POST', `/api/admin/staff/${m.id}/mfa-reset`)).status).toBe(204);
    expect(await closed).toBeLessThan(WITHIN_MS);
  });

  it('refuses an account from an address after 10 failures there (an IPv6 /64 counts as one), never from elsewhere', async () => {
    const c = await env.staff();
    emails.push(c.email);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await signIn(i % 2 ? one : two, c.email, `wrong-${i}`, `2001:db8:1:2::${i + 1}`));
    expect(statuses).toEqual(Array(10).fill(401));
    // the right password, from the same /64: refused until the window passes
    expect(await signIn(one, c.email, c.password, '2001:db8:1:2:ffff::1')).toBe(429);
    // ...and from another address it always works
    expect(await signIn(two, c.email, c.password, '2001:db8:1:3::1')).toBe(200);
    expect(await signIn(one, c.email, c.password, '203.0.113.5')).toBe(200);
    expect(await signIn(one, c.email, c.password, '2001:db8:1:2::1')).toBe(429);
  });

  it('never counts successful sign-ins', async () => {
    const c = await env.staff();
    for (let i = 0; i < 12; i++) expect(await signIn(one, c.email, c.password, '198.51.100.7')).toBe(200);
    for (let i = 0; i < 9; i++) expect(await signIn(one, c.email, `wrong-${i}`, '198.51.100.7')).toBe(401);
    expect(await signIn(one, c.email, c.password, '198.51.100.7')).toBe(200);
  });

  it('refuses an address after 30 failures across accounts; other addresses still sign in', async () => {
    const c = await env.staff();
    for (let i = 0; i < 30; i++) expect(await signIn(i % 2 ? one : two, `nobody-${i}@example.net`, 'wrong-password', '192.0.2.44')).toBe(401);
    expect(await signIn(one, c.email, c.password, '192.0.2.44')).toBe(429);
    expect(await signIn(two, c.email, c.password, '192.0.2.45')).toBe(200);
  });

  it('logs failures without the e-mail or the address', () => {
    expect(env.logs).toContain('sign-in failed');
    for (const email of emails) expect(env.logs).not.toContain(email);
    expect(env.logs).not.toMatch(/nobody-\d+@example\.net|2001:db8|203\.0\.113|198\.51\.100|192\.0\.2/);
  });
});
