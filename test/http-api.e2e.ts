import { login } from './support/clients';
import { liveService } from './support/live-service';
import { runCli } from './support/processes';

/** The HTTP side of the contract and the staff CLI, against a real gateway. */
describe('HTTP API and staff CLI', () => {
  const live = liveService({ STATS_MIN_CELL: '3' }, { workers: 0 });
  const { env } = live;

  it('creates staff from the CLI, printing the id, and refuses bad input with a one-line reason', async () => {
    const args = ['staff', 'add', '--email', 'Admin@Example.org', '--name', 'Ada Admin', '--role', 'admin', '--languages', 'pl,uk', '--max-chats', '2'];
    const ok = await runCli(env.env(), args, 'correct horse battery\n');
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await env.sql<{ role: string; languages: string[]; max_chats: number; password_hash: string }>(`SELECT * FROM staff WHERE id = $1`, [ok.stdout.trim()]);
    expect(row).toMatchObject({ role: 'admin', languages: ['pl', 'uk'], max_chats: 2 });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);

    const taken = await runCli(env.env(), args.map((a) => (a === 'Admin@Example.org' ? 'admin@example.org' : a)), 'correct horse battery\n');
    expect(taken.code).not.toBe(0);
    expect(taken.stderr.trim().split('\n').pop()).toMatch(/already exists/);
    for (const [bad, reason] of [
      [['--role', 'boss'], /--role/],
      [['--languages', 'ua'], /--languages/],
      [['--max-chats', '0'], /--max-chats/],
      [['--email', 'not-an-email'], /--email/],
    ] as [string[], RegExp][]) {
      const argv = [...args];
      argv[argv.indexOf(bad[0]) + 1] = bad[1];
      const res = await runCli(env.env(), argv, 'correct horse battery\n');
      expect(res.code).not.toBe(0);
      expect(res.stderr.trim().split('\n').pop()).toMatch(reason);
    }
    const short = await runCli(env.env(), [...args.slice(0, 3), 'other@example.org', ...args.slice(4)], 'short\n');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(/at least 10 characters/);
  });

  it('signs in with the same 401 for a wrong email and a wrong password, and throttles', async () => {
    const s = await env.staff({ role: 'counsellor' });
    const attempt = (email: string, password: string) =>
      fetch(`${live.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const good = await attempt(s.email.toUpperCase(), s.password);
    expect(good.status).toBe(200);
    const body = (await good.json()) as { accessToken: string; staff: Record<string, unknown> };
    expect(body.staff).toMatchObject({ id: s.id, role: 'counsellor', languages: ['pl', 'uk', 'en'] });
    expect(body.staff).not.toHaveProperty('passwordHash');
    const wrongPassword = await attempt(s.email, 'not-the-password');
    const wrongEmail = await attempt('nobody@example.org', 'not-the-password');
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await wrongEmail.json());
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt(s.email, `wrong-${i}`)).status);
    // ten failed sign-ins per account from one address in 15 minutes (the wrong password above is the first):
    // the attempt after the tenth failure is refused, and so is every later one
    expect(statuses).toEqual([...Array(9).fill(401), ...Array(3).fill(429)]);
    // sign-out revokes the token
    const me = await fetch(`${live.base}/api/auth/me`, { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.status).toBe(200);
    const out = await fetch(`${live.base}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(out.status).toBe(204);
    expect((await fetch(`${live.base}/api/auth/me`, { headers: { authorization: `Bearer ${body.accessToken}` } })).status).toBe(401);
  });

  it('serves the seeded directory per language, publicly, and lets only admins add to it', async () => {
    const uk = (await (await fetch(`${live.base}/api/services?language=uk`)).json()) as { phone: string; languages: string[]; name: string; channel: string }[];
    expect(uk.map((s) => s.phone)).toEqual(expect.arrayContaining(['1547', '0 800 500 335', '116 123', '116 111', '0 800 213 103', '112']));
    for (const s of uk) expect(s.languages).toContain('uk');
    expect(Object.keys(uk[0]).sort()).toEqual(['channel', 'hours', 'id', 'kind', 'languages', 'name', 'phone', 'region']);
    // the seeded numbers are called by the counsellor
    expect(new Set(uk.map((s) => s.channel))).toEqual(new Set(['phone']));
    const pl = (await (await fetch(`${live.base}/api/services?language=pl`)).json()) as { phone: string }[];
    expect(pl.map((s) => s.phone)).toEqual(expect.arrayContaining(['112', '997', '800 120 002', '116 123', '116 111', '733 588 900']));
    // others=1 (extension): the lines that do not speak Ukrainian too, named in Ukrainian where the directory can
    const ukAndOthers = (await (await fetch(`${live.base}/api/services?language=uk&others=1`)).json()) as { phone: string; name: string; languages: string[] }[];
    expect(ukAndOthers.length).toBeGreaterThan(uk.length);
    expect(ukAndOthers.find((s) => s.phone === '800 120 002')).toMatchObject({ languages: ['pl'], name: expect.stringContaining('Блакитна лінія') });
    expect((await fetch(`${live.base}/api/services?language=uk&others=yes`)).status).toBe(400);

    const admin = await env.staff({ role: 'admin' });
    const counsellor = await env.staff({ role: 'counsellor' });
    const adminToken = await login(live.base, admin.email, admin.password);
    const counsellorToken = await login(live.base, counsellor.email, counsellor.password);
    const create = (token: string, body: object) =>
      fetch(`${live.base}/api/services`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const service = { name: 'Mobile team Lviv', kind: 'mobile-team', phone: '+380 00 000 0000', region: 'UA-46', languages: ['uk'], channel: { type: 'webhook', url: 'https://example.org/hook', secret: 'a-secret-of-enough-length' } };
    expect((await create(counsellorToken, service)).status).toBe(403);
    const created = await create(adminToken, service);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const [row] = await env.sql<{ webhook_secret: Buffer }>(`SELECT webhook_secret FROM service WHERE id = $1`, [id]);
    expect(row.webhook_secret.toString('latin1')).not.toContain('a-secret-of-enough-length');
    expect((await create(adminToken, { ...service, channel: { type: 'webhook', url: 'http://example.org/hook', secret: 'a-secret-of-enough-length' } })).status).toBe(400);
    // loopback is allowed plain http, but is an internal address: only with ALLOW_PRIVATE_WEBHOOKS (see webhook-targets.e2e.ts)
    expect((await create(adminToken, { ...service, channel: { type: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-enough-length' } })).status).toBe(400);
    expect((await create(adminToken, { ...service, kind: 'spaceship' })).status).toBe(400);
    expect((await create(adminToken, { ...service, channel: { type: 'email' } })).status).toBe(400);
    const listed = (await (await fetch(`${live.base}/api/services?language=uk`)).json()) as { id: string; channel: string }[];
    // how it is reached, the type only: never the url or the secret
    expect(listed.find((s) => s.id === id)).toEqual({ id, name: 'Mobile team Lviv', kind: 'mobile-team', phone: '+380 00 000 0000', hours: null, region: 'UA-46', languages: ['uk'], channel: 'webhook' });
    expect(JSON.stringify(listed)).not.toMatch(/example\.org|127\.0\.0\.1|a-secret-of-enough-length/);
    const mail = await create(adminToken, { ...service, name: 'Legal aid by e-mail', channel: { type: 'email', to: 'duty@legal.example.net' } });
    const mailId = ((await mail.json()) as { id: string }).id;
    const withMail = (await (await fetch(`${live.base}/api/services?language=uk`)).json()) as { id: string; channel: string }[];
    expect(withMail.find((s) => s.id === mailId)?.channel).toBe('email');
    expect(JSON.stringify(withMail)).not.toContain('duty@legal.example.net');
  });

  it('reports anonymised statistics with small cells suppressed, to managers only', async () => {
    const insert = (language: string, answered: boolean, outcome: string, escalationKinds: string[] = []) =>
      env.sql(
        `INSERT INTO contact_log (hour, language, answered, abandoned, wait_band, outcome, immediate_danger, risk_flagged, ended_by, quick_exit, escalation_kinds)
         VALUES ('2026-03-04T10:00:00Z', $1, $2, NOT $2, '1-5m', $3, false, false, 'counsellor', false, $4)`,
        [language, answered, outcome, escalationKinds],
      );
    for (let i = 0; i < 4; i++) await insert('pl', true, 'supported');
    await insert('pl', false, 'abandoned');
    await insert('pl', true, 'referred', ['police']);
    for (let i = 0; i < 2; i++) await insert('uk', true, 'supported');
    const manager = await env.staff({ role: 'manager' });
    const counsellor = await env.staff({ role: 'counsellor' });
    const get = async (token: string, q: string) => fetch(`${live.base}/api/stats?${q}`, { headers: { authorization: `Bearer ${token}` } });
    const mt = await login(live.base, manager.email, manager.password);
    expect((await get(await login(live.base, counsellor.email, counsellor.password), 'from=2026-03-01&to=2026-03-31')).status).toBe(403);
    const res = await get(mt, 'from=2026-03-01&to=2026-03-31');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      minCell: 3,
      // 8 − 6 − 0 would give the 2 Ukrainian contacts away, and 8 − 7 the one abandoned: complements hidden too
      totals: { contacts: 8, answered: null, abandoned: null, escalated: null },
      byLanguage: {
        pl: { contacts: null, answered: 5, abandoned: null, escalated: null },
        uk: { contacts: null, answered: null, abandoned: 0, escalated: 0 },
        en: { contacts: 0, answered: 0, abandoned: 0, escalated: 0 },
      },
      escalationsByKind: {
        emergency: 0, police: null, 'mobile-team': 0, 'crisis-room': 0, shelter: 0, 'crisis-intervention-centre': 0, hotline: 0, 'legal-aid': 0, 'child-protection': 0,
      },
    });
    const outside = (await (await get(mt, 'from=2026-03-05&to=2026-03-05')).json()) as { totals: { contacts: number } };
    expect(outside.totals.contacts).toBe(0);
  });

  it('answers health while PostgreSQL and Redis answer', async () => {
    const res = await fetch(`${live.base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when Redis does not answer, and stays up', async () => {
    const broken = await env.gateway({ REDIS_URL: 'redis://127.0.0.1:1' });
    const res = await fetch(`${broken}/api/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', postgres: 'ok', redis: 'down' });
    expect((await fetch(`${broken}/api/services?language=pl`)).status).toBe(200);
  });
});
