import { eventually } from './support/clients';
import { liveService } from './support/live-service';
import { TcpProxy } from './support/tcp-proxy';

type Health = { status: number; body: Record<string, string> };

/**
 * `/api/health` of a real gateway whose PostgreSQL and Redis connections pass through relays
 * the test controls: a gateway that stops hearing the Redis bus, or loses PostgreSQL, says so
 * with a 503 (so a load balancer stops sending it people), and says it is well once mended.
 */
describe('health of a real gateway', () => {
  const redisUrl = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const redis = new TcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname);
  let postgres: TcpProxy;
  /** `url` with its host and port replaced by the relay's. */
  const via = (proxy: TcpProxy, url: string) => {
    const parsed = new URL(url);
    parsed.host = `127.0.0.1:${proxy.port}`;
    return parsed.toString();
  };

  // the relays first: the gateway is started on them
  beforeAll(async () => {
    const pg = new URL(live.env.databaseUrl);
    postgres = new TcpProxy(Number(pg.port || 5432), pg.hostname);
    await Promise.all([redis.open(), postgres.open()]);
  });
  const live = liveService({}, {
    workers: 0,
    gatewayEnv: () => ({ REDIS_URL: via(redis, live.env.env().REDIS_URL), DATABASE_URL: via(postgres, live.env.databaseUrl) }),
  });
  const { env } = live;
  // declared after the service, so it runs once the gateway has stopped
  afterAll(() => Promise.all([redis.close(), postgres.close()]));

  const health = async (): Promise<Health> => {
    const res = await fetch(`${live.base}/api/health`);
    return { status: res.status, body: (await res.json()) as Record<string, string> };
  };

  it('answers 503 while the gateway does not hear the Redis bus, and 200 once its watchdog has mended the subscriber', async () => {
    await eventually(async () => (await health()).status === 200, 10_000, 200);
    // the adapter's subscriber still sends, but nothing published reaches it any more
    expect(redis.deafen(`${env.redisPrefix}:gateway-sub`)).toBe(1);
    const deaf = await eventually(async () => {
      const h = await health();
      return h.status === 503 ? h : undefined;
    }, 15_000, 250);
    expect(deaf.body).toEqual({ status: 'unavailable', postgres: 'ok', redis: 'ok', bus: 'down' });
    await eventually(async () => env.logs.includes('this gateway no longer hears the Redis bus'), 5_000);
    // the watchdog subscribes again, then reconnects the subscriber (the new connection hears)
    await eventually(async () => (await health()).status === 200, 30_000, 250);
    expect(env.logs).toContain('reconnecting its subscriber');
    expect((await health()).body).toEqual({ status: 'ok' });
  });

  it('answers 503 while PostgreSQL is out of reach, and 200 when it is back', async () => {
    await eventually(async () => (await health()).status === 200, 30_000, 250);
    await postgres.close();
    const down = await eventually(async () => {
      const h = await health();
      return h.status === 503 ? h : undefined;
    }, 10_000, 200);
    expect(down.body).toEqual({ status: 'unavailable', postgres: 'down', redis: 'ok', bus: 'ok' });
    await postgres.open();
    await eventually(async () => (await health()).status === 200, 15_000, 250);
  });
});
