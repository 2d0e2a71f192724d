import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';

interface Link { client: Socket; upstream: Socket; sent: string; deaf: boolean }

/**
 * A TCP forwarder to a local service that a test can cut and restore, to make a dependency
 * unreachable for one process without touching the shared PostgreSQL or Redis. It can also
 * make one connection deaf: its requests still go out, but nothing comes back (what a stuck
 * subscriber looks like).
 */
export class TcpProxy {
  port = 0;
  private server?: Server;
  private readonly links = new Set<Link>();

  constructor(private readonly targetPort: number, private readonly targetHost = '127.0.0.1') {}

  async open(): Promise<void> {
    const server = createServer((client) => this.relay(client));
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Refuses new connections and drops the open ones, as a stopped server would. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const link of this.links) { link.client.destroy(); link.upstream.destroy(); }
    this.links.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Makes the open connections whose requests so far contain `text` deaf; later connections hear normally. */
  deafen(text: string): number {
    let n = 0;
    for (const link of this.links) {
      if (link.sent.includes(text)) { link.deaf = true; n++; }
    }
    return n;
  }

  private relay(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    const link: Link = { client, upstream, sent: '', deaf: false };
    this.links.add(link);
    client.on('data', (chunk: Buffer) => {
      // the first requests are enough to know the connection (ioredis names it there)
      if (link.sent.length < 4096) link.sent += chunk.toString('latin1');
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => { if (!link.deaf) client.write(chunk); });
    const end = () => { client.destroy(); upstream.destroy(); this.links.delete(link); };
    for (const s of [client, upstream]) {
      s.on('close', end);
      s.on('error', end);
    }
  }
}
