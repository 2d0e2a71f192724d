import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { Db } from '@prystan/persistence';
import { REDIS } from '@prystan/platform';
import { Public } from '../auth/decorators';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

@Controller('api/health')
export class HealthController {
  constructor(private readonly db: Db, @Inject(REDIS) private readonly redis: Redis) {}

  /** 200 while PostgreSQL and Redis both answer within 2 s; 503 naming what does not. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const [postgres, redis] = await Promise.allSettled([within(2000, this.db.ping()), within(2000, this.redis.ping())]);
    if (postgres.status === 'fulfilled' && redis.status === 'fulfilled') return { status: 'ok' };
    res.status(503);
    return { status: 'unavailable', postgres: postgres.status === 'fulfilled' ? 'ok' : 'down', redis: redis.status === 'fulfilled' ? 'ok' : 'down' };
  }
}
