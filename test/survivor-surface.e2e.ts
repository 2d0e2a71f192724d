import { request as httpRequest } from 'node:http';
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { actors } from './support/actors';
import { ask, connectSurvivor, eventually, login, next } from './support/clients';
import { liveService } from './support/live-service';

const PUBLIC = 'https://chat.example.org';
const HOST_SITE = 'https://fundacja.example.org';

/**
 * What a web page elsewhere, a flood from one address, or an oversized frame can do to the
 * survivor namespace (contract "The survivor namespace's surface"), through the real processes.
 */
describe('the survivor namespace surface', () => {
  const live = liveService({ PUBLIC_URL: `${PUBLIC}/`, EMBED_ORIGINS: HOST_SITE });
  const { env, sockets } = live;
  const people = actors(live);

  /** A socket.io connection as a browser page on `origin` would open it; resolves with the outcome. */
  function open(base: string, namespace: '/chat' | '/staff', headers: Record<string, string> = {}, auth?: object): Promise<{ socket: Socket; error?: Error }> {
    const socket = io(`${base}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers, ...(auth ? { auth } : {}) });
    sockets.push(socket);
    return new Promise((resolve) => {
      socket.once('connect', () => resolve({ socket }));
      socket.once('connect_error', (error) => resolve({ socket, error }));
    });
  }

  /** The raw WebSocket handshake's HTTP status: 101 when upgraded, else what the server answered. */
  function handshakeStatus(base: string, origin: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${base}/socket.io/?EIO=4&transport=websocket`, {
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64'), Origin: origin },
      });
      req.once('upgrade', (res, socket) => { socket.destroy(); resolve(res.statusCode ?? 0); });
      req.once('response', (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.once('error', reject);
      req.end();
    });
  }

  const counsellor = (languages = ['pl'], maxChats = 1) => people.counsellor(languages, { maxChats, available: true });

  /** A survivor on `base` in an active chat with `c`. */
  async function activeChat(c: { socket: Socket }, base = live.base) {
    const chat = await people.activeChat(c, 'pl', undefined, base);
    return { survivor: chat.socket, sessionId: chat.sessionId };
  }

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await env.resetLine();
  });

  describe('origin', () => {
    it('refuses a /chat or /staff connection from a page on a foreign origin, at the handshake', async () => {
      const s = await env.staff({ role: 'manager' });
      const token = await login(live.base, s.email, s.password);
      for (const origin of ['https://evil.example', 'http://chat.example.org', `${HOST_SITE}.evil.example`, 'null']) {
        expect(await handshakeStatus(live.base, origin)).toBe(400);
        expect((await open(live.base, '/chat', { Origin: origin })).error).toBeDefined();
        expect((await open(live.base, '/staff', { Origin: origin }, { token })).error).toBeDefined();
      }
      await eventually(async () => env.logs.includes('socket connection refused: origin not in PUBLIC_URL or EMBED_ORIGINS'));
    });

    it('accepts the public origin, a listed host site, and clients that send no Origin', async () => {
      const s = await env.staff({ role: 'manager' });
      const token = await login(live.base, s.email, s.password);
      const variants: Record<string, string>[] = [{ Origin: PUBLIC }, { Origin: HOST_SITE }, {}];
      for (const headers of variants) {
        if (headers.Origin) expect(await handshakeStatus(live.base, headers.Origin)).toBe(101);
        const chat = await open(live.base, '/chat', headers);
        expect(chat.error).toBeUndefined();
        expect(await ask(chat.socket, 'session:start', { language: 'en', triage: { immediateDanger: false } })).toMatchObject({ ok: true });
        const staff = await open(live.base, '/staff', headers, { token });
        expect(staff.error).toBeUndefined();
        expect(await ask(staff.socket, 'presence:set', { status: 'away' })).toMatchObject({ ok: true, status: 'away' });
      }
    });
  });

  it('refuses long-polling with 400: WebSocket only', async () => {
    const res = await fetch(`${live.base}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: 'Transport unknown' });
    const post = await fetch(`${live.base}/socket.io/?EIO=4&transport=polling`, { method: 'POST', body: '40' });
    expect(post.status).toBe(400);
  });

  it('closes the connection that sends a frame over 64 KB, and nothing else', async () => {
    const c = await counsellor(['pl'], 2);
    const other = await activeChat(c);
    const flooder = await activeChat(c);

    // under the limit is an answer, not a closed connection
    expect(await ask(flooder.survivor, 'message:send', { clientId: 'big', text: 'x'.repeat(60_000) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const closed = new Promise<string>((resolve) => flooder.survivor.once('disconnect', (reason) => resolve(reason)));
    const dropped = next<{ sessionId: string; connected: boolean }>(c.socket, 'session:survivor-connection', (p) => p.sessionId === flooder.sessionId);
    flooder.survivor.emit('message:send', { clientId: 'huge', text: 'x'.repeat(100 * 1024) });
    expect(await closed).toMatch(/transport (close|error)/);
    expect(await dropped).toMatchObject({ connected: false });

    // the other survivor's chat on the same gateway goes on both ways
    const heard = next<{ text: string }>(other.survivor, 'message');
    expect(await ask(c.socket, 'message:send', { sessionId: other.sessionId, clientId: 'after', text: 'Jestem tu.' })).toMatchObject({ ok: true });
    expect((await heard).text).toBe('Jestem tu.');
    const relayed = next<{ text: string; sessionId: string }>(c.socket, 'message', (m) => m.sessionId === other.sessionId);
    expect(await ask(other.survivor, 'message:send', { clientId: 'reply', text: 'Dziękuję' })).toMatchObject({ ok: true });
    expect((await relayed).text).toBe('Dziękuję');
    expect(other.survivor.connected && c.socket.connected).toBe(true);
  });

  describe('connections per address', () => {
    const CAP = 3;
    let capped = '';

    beforeAll(async () => {
      // a second gateway of the same service, with a small cap and one trusted proxy in front
      capped = await env.gateway({ PUBLIC_URL: `${PUBLIC}/`, SOCKETS_PER_ADDRESS: String(CAP), TRUST_PROXY_HOPS: '1' });
    });

    it('refuses the connection over SOCKETS_PER_ADDRESS, and takes a new one once one has closed', async () => {
      const c = await counsellor();
      const first = await activeChat(c, capped);
      const more = [await open(capped, '/chat'), await open(capped, '/chat')];
      expect(more.map((m) => m.error)).toEqual([undefined, undefined]);

      const refused = await open(capped, '/chat');
      expect(refused.error?.message).toBe('rate_limited');
      expect((refused.error as Error & { data?: { code: string } }).data).toMatchObject({ code: 'rate_limited' });
      // the other gateway counts its own connections
      expect((await open(live.base, '/chat')).error).toBeUndefined();

      // the gateway has seen the first close once the counsellor hears of it
      const gone = next<{ connected: boolean }>(c.socket, 'session:survivor-connection', (p) => !p.connected);
      first.survivor.close();
      await gone;
      const again = await open(capped, '/chat');
      expect(again.error).toBeUndefined();
      expect(await ask(again.socket, 'session:start', { language: 'en', triage: { immediateDanger: false } })).toMatchObject({ ok: true });
      expect((await open(capped, '/chat')).error?.message).toBe('rate_limited');
    });

    it('counts an IPv6 client by its /64', async () => {
      const from = (address: string) => open(capped, '/chat', { 'X-Forwarded-For': address });
      const home = ['2001:db8:5:6::1', '2001:db8:5:6:aaaa::2', '2001:db8:5:6:ffff:ffff:ffff:ffff'];
      for (const address of home) expect((await from(address)).error).toBeUndefined();
      expect((await from('2001:db8:5:6::99')).error?.message).toBe('rate_limited');
      expect((await from('2001:db8:5:7::1')).error).toBeUndefined();
      expect((await from('192.0.2.44')).error).toBeUndefined();
    });
  });

  describe('resume token', () => {
    async function started() {
      const chat = await people.survivor('uk');
      return { survivor: chat.socket, sessionId: chat.sessionId, token: chat.resumeToken };
    }
    async function resume(token: string, nextResumeToken?: string) {
      const socket = await connectSurvivor(live.base);
      sockets.push(socket);
      return ask(socket, 'session:resume', { resumeToken: token, ...(nextResumeToken ? { nextResumeToken } : {}) });
    }

    it('answers a new token on every resume; the old one is not_found from then on', async () => {
      const { sessionId, token } = await started();
      const first = await resume(token);
      expect(first).toMatchObject({ ok: true, sessionId, state: 'waiting', resumeToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      expect(first.resumeToken).not.toBe(token);
      expect(await resume(token)).toMatchObject({ ok: false, error: { code: 'not_found' } });

      const second = await resume(first.resumeToken as string);
      expect(second).toMatchObject({ ok: true, sessionId });
      expect(second.resumeToken).not.toBe(first.resumeToken);
      expect(await resume(first.resumeToken as string)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await resume(token)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // only hashes are stored
      const [row] = await env.sql<{ hash: Buffer }>(`SELECT resume_token_hash AS hash FROM chat_session WHERE id = $1`, [sessionId]);
      expect(row.hash.toString('latin1')).not.toContain(second.resumeToken as string);
    });

    it('moves to the token the client proposed (so a lost answer cannot lock it out), and checks the proposal', async () => {
      const { sessionId, token } = await started();
      const proposal = randomBytes(32).toString('base64url');
      expect(await resume(token, 'short')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('nextResumeToken') } });
      expect(await resume(token, token)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      for (const bad of [42, ['x'], 'x'.repeat(60_000), `${proposal.slice(0, 42)}!`]) {
        const socket = await connectSurvivor(live.base);
        sockets.push(socket);
        expect(await ask(socket, 'session:resume', { resumeToken: token, nextResumeToken: bad })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('nextResumeToken') } });
        expect(socket.connected).toBe(true);
      }
      expect(await resume(token, proposal)).toMatchObject({ ok: true, sessionId, resumeToken: proposal });
      // the page's answer was lost: it tries the old token (gone), then its proposal (live)
      expect(await resume(token, randomBytes(32).toString('base64url'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const after = await resume(proposal);
      expect(after).toMatchObject({ ok: true, sessionId });

      // a proposal that is another session's token is refused, and the session stays where it was
      const other = await started();
      expect(await resume(after.resumeToken as string, other.token)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await resume(other.token)).toMatchObject({ ok: true, sessionId: other.sessionId });
      expect(await resume(after.resumeToken as string)).toMatchObject({ ok: true, sessionId });
    });

    it('lets exactly one of two resumes with the same token win', async () => {
      const { sessionId, token } = await started();
      const answers = await Promise.all([resume(token), resume(token)]);
      expect(answers.filter((a) => a.ok)).toEqual([expect.objectContaining({ sessionId })]);
      expect(answers.filter((a) => !a.ok)).toEqual([expect.objectContaining({ error: expect.objectContaining({ code: 'not_found' }) })]);
    });
  });
});
