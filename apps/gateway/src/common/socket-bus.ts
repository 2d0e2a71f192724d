import type { OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Config } from '@prystan/config';
import type { AppLogger } from '@prystan/logging';
import { socketIoKey } from '@prystan/platform';
import { createRedis } from '@prystan/queue';
import { BusWatchdog } from './bus-watchdog';

/**
 * The socket.io Redis adapter's two connections and the watchdog that proves they still
 * carry the bus. Owned here so that they close with the application, after its sockets.
 */
export class SocketBus implements OnApplicationShutdown {
  readonly pub: Redis;
  readonly sub: Redis;
  readonly key: string;
  readonly watchdog: BusWatchdog;

  constructor(config: Config, logger: AppLogger) {
    this.key = socketIoKey(config.REDIS_PREFIX);
    this.pub = createRedis(config.REDIS_URL, 'pubsub', `${config.REDIS_PREFIX}:gateway-pub`);
    // The adapter subscribes as soon as the namespaces exist, which may be during this
    // connection's handshake: ioredis sends (P)SUBSCRIBE then (Redis marks them `loading`), its
    // INFO ready check fails on a connection already in subscriber mode, ioredis reconnects, and
    // the subscription, never confirmed, is not restored: the gateway heard nothing. A subscriber
    // has no use for the ready check; without it nothing fails (and the gateway still starts,
    // and says it is unavailable, while Redis is down).
    this.sub = this.pub.duplicate({ connectionName: `${config.REDIS_PREFIX}:gateway-sub`, enableReadyCheck: false, enableAutoPipelining: false });
    this.sub.on('error', () => undefined);
    this.watchdog = new BusWatchdog(this.pub, this.sub, this.key, logger);
  }

  onApplicationShutdown(): void {
    this.watchdog.stop();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
