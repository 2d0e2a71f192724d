import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { probe, type HealthProbe, type HealthReport } from '@prystan/metrics';
import { Db } from '@prystan/persistence';
import { REDIS } from '@prystan/platform';
import { JobWorkers } from '../runtime/job-workers';

/**
 * A worker is healthy while PostgreSQL and Redis answer within 2 s and a BullMQ worker runs
 * on every queue (routing, sessions, maintenance, escalations): without one, chats would
 * wait with nobody routing them.
 */
@Injectable()
export class WorkerHealth implements HealthProbe {
  constructor(private readonly db: Db, @Inject(REDIS) private readonly redis: Redis, private readonly jobs: JobWorkers) {}

  check(): Promise<HealthReport> {
    return probe({ postgres: () => this.db.ping(), redis: () => this.redis.ping(), queues: () => this.jobs.running() });
  }
}
