import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG, type Config } from '@prystan/config';
import { queueStatusPayload, STAFF_OUT } from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { RoutingRepository } from '@prystan/persistence';
import { Notifier, REDIS } from '@prystan/platform';
import { IntervalGate } from '../runtime/interval-gate';

/** Sends `queue:status` to managers after changes, at most once a second across all workers. */
@Injectable()
export class QueueStatusPublisher {
  private readonly gate: IntervalGate;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(CONFIG) config: Config,
    private readonly routing: RoutingRepository,
    private readonly notifier: Notifier,
    @Inject(LOGGER) logger: AppLogger,
  ) {
    this.gate = new IntervalGate(redis, `${config.REDIS_PREFIX}:queue-status:gate`, 1000,
      async () => this.notifier.managers(STAFF_OUT.queueStatus, queueStatusPayload(await this.routing.queueStatus())),
      (err) => logger.warn({ err }, 'queue status not published'));
  }

  request(): void {
    this.gate.request();
  }

  stop(): void {
    this.gate.stop();
  }
}
