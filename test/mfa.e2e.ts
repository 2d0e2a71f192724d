import { connectStaff, login, next } from './support/clients';
import type { StaffLogin } from './support/environment';
import { liveService } from './support/live-service';
import { runCli } from './support/processes';
import { codeAt, freshStep, nextCode, secondFactorOf } from './support/second-factor';

type Json = Record<string, unknown> & { error?: { code: string; message: string } };

/** Staff sign-in with a second factor (TOTP and recovery codes), its enrolment and its reset, through a real gateway. */
describe('second factor', () => {
  const live = liveService({}, { workers: 0 });
  const { env, sockets } = live;
  /** everything secret a test saw, checked against the logs at the end */
  const secrets: string[] = [];

  const call = async (method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: Json }> => {
    const res = await fetch(`${live.base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: res.status === 204 ? {} : ((await res.json()) as Json) };
  };
  const password = async (who: StaffLogin) => call('POST', '/api/auth/login', { email: who.email, password: who.password });
  /** A fresh challenge (password accepted, code wanted). */
  const challenge = async (who: StaffLogin): Promise<string> => {
    const { status, json } = await password(who);
    expect(status).toBe(200);
    expect(json).not.toHaveProperty('accessToken');
    const token = (json.mfa as { token: string }).token;
    secrets.push(token);
    return token;
  };
  const refusedSocket = (token: string) => connectStaff(live.base, token).then((s) => { s.close(); return 'connected'; }, (err: Error) => err.message);

  it('makes a manager set up TOTP before anything else, then asks for a code at every sign-in', async () => {
    const manager = await env.staff({ role: 'manager', enrol: false });
    secrets.push(manager.email, manager.password);
    const first = await password(manager);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ mfaEnrolmentRequired: true, staff: { id: manager.id, role: 'manager' }, expiresAt: expect.any(String) });
    const enrolment = first.json.accessToken as string;
    secrets.push(enrolment);
    // an enrolment-only token: /api/auth/* and /api/me/mfa/* only
    expect(await call('GET', '/api/queue', undefined, enrolment)).toMatchObject({ status: 403, json: { error: { code: 'mfa_required' } } });
    expect(await call('PATCH', '/api/me', { uiLanguage: 'uk' }, enrolment)).toMatchObject({ status: 403, json: { error: { code: 'mfa_required' } } });
    expect(await call('GET', '/api/auth/me', undefined, enrolment)).toMatchObject({ status: 200, json: { mfaEnrolmentRequired: true } });
    expect(await refusedSocket(enrolment)).toBe('mfa_required');
    // confirming before starting is a conflict, starting gives a secret (not active yet)
    expect((await call('POST', '/api/me/mfa/totp/confirm', { code: '123456' }, enrolment)).status).toBe(409);
    const started = await call('POST', '/api/me/mfa/totp', undefined, enrolment);
    expect(started.status).toBe(200);
    const secret = started.json.secret as string;
    secrets.push(secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(new URL(started.json.otpauthUrl as string).searchParams.get('secret')).toBe(secret);
    expect((await password(manager)).json).toMatchObject({ mfaEnrolmentRequired: true });
    // a wrong first code does not confirm it
    const step = await freshStep({ lastStep: 0 });
    const wrong = String((Number(await codeAt(secret, step)) + 1) % 1_000_000).padStart(6, '0');
    expect(await call('POST', '/api/me/mfa/totp/confirm', { code: wrong }, enrolment)).toMatchObject({ status: 400, json: { error: { code: 'invalid_input', message: expect.stringMatching(/^code/) } } });
    const confirmed = await call('POST', '/api/me/mfa/totp/confirm', { code: await codeAt(secret, step) }, enrolment);
    expect(confirmed.status).toBe(200);
    const recoveryCodes = confirmed.json.recoveryCodes as string[];
    secrets.push(...recoveryCodes, confirmed.json.accessToken as string);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // the enrolment token is replaced by a full one
    expect((await call('GET', '/api/auth/me', undefined, enrolment)).status).toBe(401);
    expect((await call('GET', '/api/queue', undefined, confirmed.json.accessToken as string)).status).toBe(200);
    // a confirmed factor is not replaced by the person (an admin resets it)
    expect((await call('POST', '/api/me/mfa/totp', undefined, confirmed.json.accessToken as string)).status).toBe(409);
    // from now on: password, then code
    const again = await password(manager);
    expect(again.json).toEqual({ mfa: { token: expect.any(String), methods: ['totp'] } });
    const factor = { lastStep: step };
    const signedIn = await call('POST', '/api/auth/login/totp', { token: (again.json.mfa as { token: string }).token, code: await codeAt(secret, await freshStep(factor)) });
    expect(signedIn).toMatchObject({ status: 200, json: { accessToken: expect.any(String), expiresAt: expect.any(String), staff: { id: manager.id } } });
    expect(signedIn.json).not.toHaveProperty('mfaEnrolmentRequired');
    const [row] = await env.sql<{ secret_sealed: Buffer }>(`SELECT secret_sealed FROM staff_totp WHERE staff_id = $1`, [manager.id]);
    expect(row.secret_sealed.toString('latin1')).not.toContain(secret);
    const hashes = await env.sql<{ code_hash: Buffer }>(`SELECT code_hash FROM staff_recovery_code WHERE staff_id = $1`, [manager.id]);
    expect(hashes).toHaveLength(10);
    for (const h of hashes) for (const code of recoveryCodes) expect(h.code_hash.toString('latin1')).not.toContain(code);
    expect(await env.sql(`SELECT action FROM staff_audit WHERE staff_id = $1 AND action = 'auth.mfa-enrolled'`, [manager.id])).toHaveLength(1);
  });

  it('accepts a TOTP code once, within one step either side, and a challenge once, for 5 minutes', async () => {
    const admin = await env.staff({ role: 'admin' });
    const factor = secondFactorOf(admin.email)!;
    secrets.push(admin.email, admin.password, factor.secret);
    const loginTotp = (token: string, code: string) => call('POST', '/api/auth/login/totp', { token, code });
    // a wrong code: 401, and the challenge is spent (a right code on it is refused too)
    let token = await challenge(admin);
    const good = await nextCode(admin.email);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    expect((await loginTotp(token, wrong)).status).toBe(401);
    expect((await loginTotp(token, good)).status).toBe(401);
    // an expired code (two steps back)
    token = await challenge(admin);
    const stale = await codeAt(factor.secret, Math.floor(Date.now() / 30_000) - 3);
    expect((await loginTotp(token, stale)).status).toBe(401);
    // the right code works once; the same code again is refused
    token = await challenge(admin);
    expect((await loginTotp(token, good)).status).toBe(200);
    token = await challenge(admin);
    expect((await loginTotp(token, good)).status).toBe(401);
    // an expired challenge
    token = await challenge(admin);
    await env.sql(`UPDATE staff_mfa_challenge SET expires_at = now() - interval '1 second'`);
    expect((await loginTotp(token, await nextCode(admin.email))).status).toBe(401);
    const failures = await env.sql(`SELECT 1 FROM staff_audit WHERE staff_id = $1 AND action = 'auth.login-failed'`, [admin.id]);
    // the wrong, the stale and the reused code (a spent or expired challenge names nobody)
    expect(failures).toHaveLength(3);
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const admin = await env.staff({ role: 'admin' });
    const [first, second] = secondFactorOf(admin.email)!.recoveryCodes;
    const loginRecovery = async (code: string) => call('POST', '/api/auth/login/recovery', { token: await challenge(admin), code });
    const used = await loginRecovery(first);
    expect(used).toMatchObject({ status: 200, json: { accessToken: expect.any(String), staff: { id: admin.id } } });
    expect((await loginRecovery(first)).status).toBe(401);
    expect((await loginRecovery(second.toUpperCase().replace('-', ' '))).status).toBe(200);
    expect((await loginRecovery('zzzzz-zzzzz')).status).toBe(401);
  });

  it('signs in a counsellor without a second factor as before', async () => {
    const counsellor = await env.staff();
    const { status, json } = await password(counsellor);
    expect(status).toBe(200);
    expect(json).toMatchObject({ accessToken: expect.any(String), staff: { id: counsellor.id } });
    expect(json).not.toHaveProperty('mfaEnrolmentRequired');
    expect(json).not.toHaveProperty('mfa');
  });

  it('lets an admin reset a second factor: the person is signed out everywhere and sets one up again', async () => {
    const admin = await env.staff({ role: 'admin', name: 'Ada' });
    const manager = await env.staff({ role: 'manager', name: 'Dorota' });
    const adminToken = await login(live.base, admin.email, admin.password);
    const managerToken = await login(live.base, manager.email, manager.password);
    secrets.push(adminToken, managerToken);
    const socket = await connectStaff(live.base, managerToken);
    sockets.push(socket);
    // only an admin
    expect((await call('POST', `/api/admin/staff/${admin.id}/mfa-reset`, undefined, managerToken)).status).toBe(403);
    expect((await call('POST', `/api/admin/staff/00000000-0000-4000-8000-000000000000/mfa-reset`, undefined, adminToken)).status).toBe(404);
    const closed = next(socket, 'disconnect', () => true, 1500);
    const reset = await call('POST', `/api/admin/staff/${manager.id}/mfa-reset`, undefined, adminToken);
    expect(reset.status).toBe(204);
    await closed;
    expect((await call('GET', '/api/auth/me', undefined, managerToken)).status).toBe(401);
    expect((await password(manager)).json).toMatchObject({ mfaEnrolmentRequired: true });
    expect(await env.sql(`SELECT 1 FROM staff_totp WHERE staff_id = $1`, [manager.id])).toHaveLength(0);
    expect(await env.sql(`SELECT 1 FROM staff_audit WHERE action = 'auth.mfa-reset' AND staff_id = $1 AND target_staff_id = $2`, [admin.id, manager.id])).toHaveLength(1);
  });

  it('resets a second factor from the command line, closing the person’s sockets', async () => {
    const admin = await env.staff({ role: 'admin' });
    const token = await login(live.base, admin.email, admin.password);
    const socket = await connectStaff(live.base, token);
    sockets.push(socket);
    // listened for before the command runs; the bound covers the command's own start-up (a whole
    // process with its database and Redis), which a loaded machine can stretch past 5 s
    const closed = next(socket, 'disconnect', () => true, 30_000);
    const result = await runCli(env.env(), ['staff', 'mfa-reset', '--email', admin.email.toUpperCase()]);
    expect(result).toMatchObject({ code: 0, stdout: `${admin.id}\n` });
    await closed;
    expect((await call('GET', '/api/auth/me', undefined, token)).status).toBe(401);
    expect((await password(admin)).json).toMatchObject({ mfaEnrolmentRequired: true });
    expect(await env.sql(`SELECT 1 FROM staff_audit WHERE action = 'auth.mfa-reset' AND staff_id IS NULL AND target_staff_id = $1`, [admin.id])).toHaveLength(1);
    const unknown = await runCli(env.env(), ['staff', 'mfa-reset', '--email', 'nobody@example.org']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/no staff member/);
    expect((await runCli(env.env(), ['staff', 'mfa-reset'])).stderr).toMatch(/--email/);
  });

  it('audits sign-ins, failures (no actor for an unknown e-mail) and sign-outs', async () => {
    const counsellor = await env.staff();
    const token = await login(live.base, counsellor.email, counsellor.password);
    expect((await call('POST', '/api/auth/login', { email: counsellor.email, password: 'not-the-password' })).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { email: 'nobody-at-all@example.org', password: 'not-the-password' })).status).toBe(401);
    expect((await call('POST', '/api/auth/logout', undefined, token)).status).toBe(204);
    const actions = await env.sql<{ action: string }>(`SELECT action FROM staff_audit WHERE staff_id = $1 ORDER BY id`, [counsellor.id]);
    expect(actions.map((a) => a.action)).toEqual(['auth.login', 'auth.login-failed', 'auth.logout']);
    expect((await env.sql(`SELECT 1 FROM staff_audit WHERE staff_id IS NULL AND action = 'auth.login-failed'`)).length).toBeGreaterThanOrEqual(1);
  });

  it('writes no e-mail, password, secret, code or token to the logs', () => {
    expect(env.logs).toContain('sign-in failed');
    for (const secret of secrets) expect(env.logs).not.toContain(secret);
    expect(env.logs).not.toMatch(/staff-[0-9a-f]{8}@example\.org|nobody-at-all/i);
    expect(env.logs).not.toMatch(/"level":"(error|fatal)"/);
  });
});
