import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { eventually } from './support/clients';
import { liveService } from './support/live-service';

const REDIS = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

/**
 * A link to Redis on which the answers to the gateway's subscriber connection (the one that
 * names itself `…:gateway-sub`) take `delayMs`, as on a loaded host: its handshake is then
 * still going on when the gateway's socket.io namespaces subscribe.
 */
async function slowLinkToRedis(delayMs: number): Promise<{ url: string; server: Server; links: Socket[]; pending: () => number }> {
  const links: Socket[] = [];
  let pending = 0;
  const server = createServer((client) => {
    const upstream = connect(Number(REDIS.port || 6379), REDIS.hostname);
    links.push(client, upstream);
    let slow = false;
    client.on('data', (chunk: Buffer) => {
      if (chunk.includes(':gateway-sub')) slow = true;
      upstream.write(chunk);
    });
    const answer = (chunk: Buffer) => client.writable && client.write(chunk);
    const answerLate = (chunk: Buffer) => { pending--; answer(chunk); };
    // one constant delay keeps the answers in order
    upstream.on('data', (chunk: Buffer) => {
      if (!slow) return answer(chunk);
      pending++;
      setTimeout(answerLate, delayMs, chunk);
    });
    const closeBoth = () => { client.destroy(); upstream.destroy(); };
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', closeBoth);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { url: `redis://127.0.0.1:${port}`, server, links, pending: () => pending };
}

/** The gateway subscribes to the bus only once its Redis connection is ready, however slow the link. */
describe('gateway bus subscription on a slow link', () => {
  // the test starts the gateway itself, on the slow link
  const { env } = liveService({}, { gateways: 0, workers: 0 });
  let link: Awaited<ReturnType<typeof slowLinkToRedis>>;

  beforeAll(async () => {
    link = await slowLinkToRedis(1000);
  });

  afterAll(() => {
    link.links.forEach((s) => s.destroy());
    link.server.close();
  });

  it('holds every pattern and channel of the adapter once it is listening', async () => {
    await env.gateway({ REDIS_URL: link.url });
    // once every late answer is through and one subscriber connection is left, its state is final
    const settled = await eventually(async () => {
      const clients = await env.redisClients('gateway-sub');
      return link.pending() === 0 && clients.length === 1 && clients;
    }, 20_000);
    // three namespaces: a pattern each for broadcasts, three channels each for requests between gateways
    expect(settled).toEqual([{ sub: 9, psub: 3 }]);
  });
});
