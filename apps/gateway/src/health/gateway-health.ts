import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { probe, type HealthProbe, type HealthReport } from '@prystan/metrics';
import { Db } from '@prystan/persistence';
import { REDIS } from '@prystan/platform';
import { BusWatchdog } from '../common/bus-watchdog';

/**
 * A gateway is healthy while PostgreSQL and Redis both answer within 2 s and it hears the
 * Redis bus (where offers and messages from other processes arrive). `/api/health` and the
 * metrics port's `/health` both ask this.
 */
@Injectable()
export class GatewayHealth implements HealthProbe {
  constructor(private readonly db: Db, @Inject(REDIS) private readonly redis: Redis, private readonly bus: BusWatchdog) {}

  check(): Promise<HealthReport> {
    return probe({ postgres: () => this.db.ping(), redis: () => this.redis.ping(), bus: () => this.bus.hearing });
  }
}
