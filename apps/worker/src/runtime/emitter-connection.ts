import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';

/**
 * The worker's own connection for the socket.io emitter (offers, positions, statuses to the
 * gateways). It keeps ioredis' offline queue, unlike the producer connection: an event
 * published while Redis is briefly away goes out once it is back instead of failing unseen.
 */
export const EMITTER_REDIS = Symbol('EMITTER_REDIS');

@Injectable()
export class EmitterConnection implements OnApplicationShutdown {
  constructor(@Inject(EMITTER_REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
