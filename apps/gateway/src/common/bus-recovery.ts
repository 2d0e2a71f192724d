import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { NAMESPACE } from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { GatewayBroadcaster } from './gateway-broadcaster';
import { SocketBus } from './socket-bus';

/**
 * Redis pub/sub keeps nothing for a subscriber that is away: while this gateway's subscriber
 * was disconnected (a Redis restart, the watchdog's repair), messages, offers and statuses
 * meant for its clients may have gone by unheard. Once it has subscribed again, its clients
 * are asked to reconnect (their transport is closed, they come straight back); on every
 * connection the console lists its chats and a survivor resumes with the history, so whatever
 * was missed is caught up.
 */
@Injectable()
export class BusRecovery implements OnApplicationBootstrap {
  private lost = false;

  constructor(private readonly bus: SocketBus, private readonly broadcaster: GatewayBroadcaster, @Inject(LOGGER) private readonly logger: AppLogger) {}

  onApplicationBootstrap(): void {
    this.bus.sub.on('close', () => (this.lost = true));
    // ioredis has sent the subscriptions again by the time it says `ready`
    this.bus.sub.on('ready', () => {
      if (!this.lost) return;
      this.lost = false;
      this.reconnectClients();
    });
  }

  private reconnectClients(): void {
    let clients = 0;
    for (const name of [NAMESPACE.chat, NAMESPACE.staff]) {
      for (const socket of this.broadcaster.of(name).sockets.values()) {
        socket.conn.close();
        clients += 1;
      }
    }
    this.logger.warn({ clients }, 'the Redis bus is back; clients reconnect to catch up on what they may have missed');
  }
}
