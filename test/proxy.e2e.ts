import { io, type Socket } from 'socket.io-client';
import { ask, eventually, login, next } from './support/clients';
import { Caddy } from './support/caddy';
import { liveService } from './support/live-service';
import { ResilientSurvivor } from './support/resilient-survivor';

const START = { language: 'en', triage: { immediateDanger: false } };

function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/**
 * The deployment as docker/compose.yaml describes it, run as processes: Debian's caddy with the
 * project's own Caddyfile in front of two gateways (TRUST_PROXY_HOPS=1), two workers,
 * PostgreSQL and Redis.
 */
describe('behind Caddy, as deployed', () => {
  const caddy = new Caddy();
  const survivors: ResilientSurvivor[] = [];
  // declared before the service, so it runs before the gateways stop
  afterAll(async () => {
    survivors.forEach((s) => s.close());
    await caddy.stop();
  });

  const live = liveService({ TRUST_PROXY_HOPS: '1', SESSION_STARTS_PER_10MIN: '3', OFFER_TIMEOUT_SECONDS: '30' }, { gateways: 2, workers: 2 });
  const { env, sockets } = live;

  beforeAll(() => caddy.start(live.bases));

  /** A counsellor's console through the proxy: reconnects by itself and lists its chats on every connection. */
  async function openConsole(language: string) {
    const c = await env.staff({ languages: [language] });
    const token = await login(caddy.url, c.email, c.password);
    const socket = io(`${caddy.url}/staff`, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500, auth: { token } });
    sockets.push(socket);
    let connections = 0;
    socket.on('connect', () => {
      connections += 1;
      if (connections > 1) void ask(socket, 'sessions:list', { scope: 'mine' }).catch(() => undefined);
    });
    await connected(socket);
    return { socket, connections: () => connections };
  }

  it('carries a chat over WebSocket, and the chat goes on while each gateway behind it restarts', async () => {
    const counsellor = await openConsole('pl');
    expect(counsellor.socket.io.engine.transport.name).toBe('websocket');
    await ask(counsellor.socket, 'presence:set', { status: 'available' });
    const survivor = new ResilientSurvivor([caddy.url], 'proxied');
    survivors.push(survivor);
    await survivor.connect();
    const offer = next<{ sessionId: string }>(counsellor.socket, 'offer');
    await survivor.start('pl');
    expect(await ask(counsellor.socket, 'offer:accept', { sessionId: (await offer).sessionId })).toMatchObject({ ok: true });
    await eventually(async () => survivor.assigned);

    const exchange = async (tag: string) => {
      const up = next<{ text: string }>(counsellor.socket, 'message', (m) => m.text === `survivor ${tag}`);
      expect(await survivor.send(`survivor ${tag}`)).toBe(true);
      await up;
      const down = next<{ text: string }>(survivor.socket!, 'message', (m) => m.text === `counsellor ${tag}`);
      expect(await ask(counsellor.socket, 'message:send', { sessionId: survivor.sessionId, clientId: `c-${tag}`, text: `counsellor ${tag}` })).toMatchObject({ ok: true });
      await down;
    };
    await exchange('before');

    // each gateway in turn is stopped (SIGTERM) and started again: the survivor and the counsellor were on one of them
    for (const gateway of env.processes.filter((p) => p.kind === 'gateway')) {
      expect(await gateway.signal('SIGTERM')).toBe(0);
      await gateway.start();
    }
    await eventually(async () => survivor.resumedAt.length >= 1 && counsellor.socket.connected);
    await exchange('after');
    expect(survivor.resumedAt.length + counsellor.connections() - 1).toBeGreaterThanOrEqual(2);
  });

  it('limits new chats by the address Caddy saw: a forged X-Forwarded-For neither escapes nor frames anyone', async () => {
    const from = async (localAddress: string, forged?: string) => {
      const socket = io(`${caddy.url}/chat`, {
        transports: ['websocket'], reconnection: false, forceNew: true, localAddress,
        ...(forged ? { extraHeaders: { 'x-forwarded-for': forged } } : {}),
      } as Parameters<typeof io>[1]);
      sockets.push(socket);
      return connected(socket);
    };
    for (let i = 0; i < 3; i++) expect(await ask(await from('127.0.0.3'), 'session:start', START)).toMatchObject({ ok: true });
    // the same client claiming to be someone else is still itself
    expect(await ask(await from('127.0.0.3', '198.51.100.7'), 'session:start', START)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    // another client is not limited, even when it claims to be the limited one
    expect(await ask(await from('127.0.0.4', '127.0.0.3'), 'session:start', START)).toMatchObject({ ok: true });
    expect(await ask(await from('127.0.0.4'), 'session:start', START)).toMatchObject({ ok: true });
  });
});
