import { connectStaff, login } from './support/clients';
import { liveService } from './support/live-service';

type Json = Record<string, unknown>;

/** The admin's HTTP routes through the real gateway: staff accounts and quick replies. */
describe('admin API', () => {
  const live = liveService();
  const { env, sockets } = live;
  let admin: { id: string; token: string };

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${live.base}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json & Json[] };
  };

  beforeAll(async () => {
    const a = await env.staff({ role: 'admin', languages: ['pl'] });
    admin = { id: a.id, token: await login(live.base, a.email, a.password) };
  });

  it('creates staff, refuses a taken e-mail (409) and a short password (400), disables and changes roles, but never disables or demotes oneself', async () => {
    const email = `new-${env.id}@example.org`;
    const input = { email, name: 'Iryna', role: 'counsellor', languages: ['uk', 'pl'], password: 'long-enough-password' };
    const created = await call('POST', '/api/admin/staff', admin.token, input);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await call('POST', '/api/admin/staff', admin.token, { ...input, name: 'Someone else' })).status).toBe(409);
    const short = await call('POST', '/api/admin/staff', admin.token, { ...input, email: `short-${env.id}@example.org`, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/password/) } });

    // the new account signs in; a new role takes it off its socket (it reconnects with the role)
    const token = await login(live.base, email, 'long-enough-password');
    const socket = await connectStaff(live.base, token);
    sockets.push(socket);
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
    const promoted = await call('PATCH', `/api/admin/staff/${id}`, admin.token, { role: 'manager' });
    expect(promoted).toMatchObject({ status: 200, body: { id, role: 'manager', disabled: false } });
    await dropped;

    // disabled: signed out everywhere, and cannot sign in
    expect((await call('PATCH', `/api/admin/staff/${id}`, admin.token, { disabled: true })).body).toMatchObject({ disabled: true });
    expect((await call('GET', '/api/canned', token)).status).toBe(401);
    expect((await fetch(`${live.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'long-enough-password' }) })).status).toBe(401);

    // an admin cannot lock themself out
    expect((await call('PATCH', `/api/admin/staff/${admin.id}`, admin.token, { disabled: true })).status).toBe(409);
    expect((await call('PATCH', `/api/admin/staff/${admin.id}`, admin.token, { role: 'counsellor' })).status).toBe(409);
    const [me] = await env.sql<{ role: string; disabled: boolean }>(`SELECT role, disabled FROM staff WHERE id = $1`, [admin.id]);
    expect(me).toEqual({ role: 'admin', disabled: false });
    // and only an admin may do any of this
    expect((await call('PATCH', `/api/admin/staff/${admin.id}`, token, { name: 'x' })).status).toBe(401);
  });

  it('adds, edits, switches off and deletes quick replies; counsellors see only the active ones', async () => {
    const c = await env.staff({ languages: ['pl'] });
    const counsellor = await login(live.base, c.email, c.password);
    expect((await call('POST', '/api/admin/canned', counsellor, { language: 'pl', title: 'x', text: 'y' })).status).toBe(403);

    const created = await call('POST', '/api/admin/canned', admin.token, { language: 'pl', kind: 'reply', title: '  Witaj  ', text: 'Jestem tutaj, żeby pomóc.' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await call('GET', '/api/admin/canned', admin.token)).body.find((r) => r.id === id)).toMatchObject({ language: 'pl', kind: 'reply', title: 'Witaj', text: 'Jestem tutaj, żeby pomóc.', active: true });
    expect((await call('GET', '/api/canned', counsellor)).body.find((r) => r.id === id)).toMatchObject({ title: 'Witaj' });

    expect((await call('PATCH', `/api/admin/canned/${id}`, admin.token, { title: '   ' })).body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/title/) } });
    expect((await call('PATCH', `/api/admin/canned/${id}`, admin.token, { title: 'Dzień dobry', active: false })).body).toMatchObject({ id, title: 'Dzień dobry', active: false });
    expect((await call('GET', '/api/canned', counsellor)).body.find((r) => r.id === id)).toBeUndefined();
    expect((await call('GET', '/api/admin/canned', admin.token)).body.find((r) => r.id === id)).toMatchObject({ title: 'Dzień dobry', active: false });

    expect((await call('DELETE', `/api/admin/canned/${id}`, admin.token)).status).toBe(204);
    expect((await call('DELETE', `/api/admin/canned/${id}`, admin.token)).status).toBe(404);
    expect((await call('PATCH', `/api/admin/canned/${id}`, admin.token, { title: 'gone' })).status).toBe(404);
    expect((await call('GET', '/api/admin/canned', admin.token)).body.find((r) => r.id === id)).toBeUndefined();
  });
});
