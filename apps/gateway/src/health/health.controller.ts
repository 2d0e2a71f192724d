import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { Db } from '@prystan/persistence';
import { REDIS } from '@prystan/platform';
import { Public } from '../auth/decorators';
import { BusWatchdog } from '../common/bus-watchdog';
import { Throttle } from '../common/public-throttle.guard';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@Controller('api/health')
export class HealthController {
  constructor(private readonly db: Db, @Inject(REDIS) private readonly redis: Redis, private readonly bus: BusWatchdog) {}

  /**
   * 200 while PostgreSQL and Redis both answer within 2 s and this gateway hears the Redis
   * bus (where offers and messages from other processes arrive); 503 naming what does not.
   */
  @Public()
  @Throttle('pages')
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const [postgres, redis] = await Promise.allSettled([within(2000, this.db.ping()), within(2000, this.redis.ping())]);
    const redisUp = redis.status === 'fulfilled' && this.bus.hearing;
    if (postgres.status === 'fulfilled' && redisUp) return { status: 'ok' };
    res.status(503);
    return { status: 'unavailable', postgres: postgres.status === 'fulfilled' ? 'ok' : 'down', redis: redisUp ? 'ok' : 'down' };
  }
}
