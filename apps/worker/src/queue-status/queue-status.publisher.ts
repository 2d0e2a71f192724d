import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG, type Config } from '@prystan/config';
import { queueStatusPayload, STAFF_OUT } from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { RoutingRepository } from '@prystan/persistence';
import { Notifier, REDIS } from '@prystan/platform';

const INTERVAL_MS = 1000;

/**
 * Sends `queue:status` to managers after changes, at most once a second across all workers:
 * a Redis key with a one-second expiry decides who sends; a request that loses retries once
 * the second is over, so the last change is never left unsent.
 */
@Injectable()
export class QueueStatusPublisher {
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: Config,
    private readonly routing: RoutingRepository,
    private readonly notifier: Notifier,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  request(): void {
    if (this.timer) return;
    void this.tryPublish();
  }

  private async tryPublish(): Promise<void> {
    try {
      const won = await this.redis.set(`${this.config.REDIS_PREFIX}:queue-status:gate`, process.pid.toString(), 'PX', INTERVAL_MS, 'NX');
      if (!won) {
        const wait = Math.max(50, await this.redis.pttl(`${this.config.REDIS_PREFIX}:queue-status:gate`));
        this.timer = setTimeout(() => { this.timer = undefined; void this.tryPublish(); }, wait);
        return;
      }
      this.notifier.managers(STAFF_OUT.queueStatus, queueStatusPayload(await this.routing.queueStatus()));
    } catch (err) {
      this.logger.warn({ err }, 'queue status not published');
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
