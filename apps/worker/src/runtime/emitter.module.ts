import { Module } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { CONFIG, type Config } from '@prystan/config';
import { Notifier, socketIoKey, type Broadcaster } from '@prystan/platform';
import { createRedis } from '@prystan/queue';
import { EMITTER_REDIS, EmitterConnection } from './emitter-connection';

/** The worker's one way out to sockets: the Redis emitter on its own connection, and the Notifier over it. */
@Module({
  providers: [
    { provide: EMITTER_REDIS, inject: [CONFIG], useFactory: (config: Config) => createRedis(config.REDIS_URL, 'pubsub', `${config.REDIS_PREFIX}:worker-emitter`) },
    EmitterConnection,
    {
      provide: Notifier,
      inject: [EMITTER_REDIS, CONFIG],
      useFactory: (redis: Redis, config: Config) => new Notifier(new Emitter(redis, { key: socketIoKey(config.REDIS_PREFIX) }) as unknown as Broadcaster),
    },
  ],
  exports: [Notifier],
})
export class EmitterModule {}
