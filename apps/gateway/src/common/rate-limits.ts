import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { CONFIG, type Config } from '@prystan/config';
import { rateLimited } from '@prystan/contract';
import { REDIS } from '@prystan/platform';

/** Limits shared by every gateway (Redis) and per connection (memory). */
@Injectable()
export class RateLimits {
  /** new chats per client address */
  readonly sessionStartPerAddress: RateLimiterAbstract;
  /** public HTTP routes per client address (see public-throttle.guard.ts) */
  readonly publicApi: RateLimiterAbstract;
  readonly publicPages: RateLimiterAbstract;
  /** events per socket */
  readonly survivorEvents: RateLimiterAbstract;
  readonly staffEvents: RateLimiterAbstract;

  constructor(@Inject(REDIS) redis: Redis, @Inject(CONFIG) config: Config) {
    const make = (keyPrefix: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.REDIS_PREFIX}:rl:${keyPrefix}`, points, duration, blockDuration, insuranceLimiter: new RateLimiterMemory({ points, duration }) });
    this.sessionStartPerAddress = make('start-addr', config.SESSION_STARTS_PER_10MIN, 10 * 60);
    this.publicApi = make('public-api', config.PUBLIC_API_PER_MINUTE, 60);
    this.publicPages = make('public-pages', config.PUBLIC_PAGES_PER_MINUTE, 60);
    this.survivorEvents = new RateLimiterMemory({ points: config.SURVIVOR_EVENTS_PER_10S, duration: 10 });
    this.staffEvents = new RateLimiterMemory({ points: config.STAFF_EVENTS_PER_10S, duration: 10 });
  }

  /** Consumes a point or throws `rate_limited`. */
  async consume(limiter: RateLimiterAbstract, key: string, message?: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (err) {
      if (err instanceof Error) throw err; // Redis trouble is not the caller's fault
      throw rateLimited(message);
    }
  }
}
