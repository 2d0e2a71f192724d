import type { Server } from 'socket.io';
import type { Broadcaster } from '@prystan/platform';

/** The gateway's own socket.io server as a Broadcaster, bound once the server exists. */
export class GatewayBroadcaster implements Broadcaster {
  private server?: Server;

  bind(server: Server): void {
    this.server = server;
  }

  of(namespace: string) {
    if (!this.server) throw new Error('socket.io server not ready');
    return this.server.of(namespace);
  }
}
