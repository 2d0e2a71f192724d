import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG, type Config } from '@prystan/config';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { EscalationRepository, RoutingRepository } from '@prystan/persistence';
import { REDIS } from '@prystan/platform';
import { QueueBus } from '@prystan/queue';

/** How often a worker looks whether Redis lost its data (a restart of a Redis that keeps nothing on disk, a FLUSHALL). */
const CHECK_EVERY_MS = 1000;

/**
 * Re-creates what lives only in Redis from what PostgreSQL knows: the sweep schedule, the
 * offers' timers, the escalations still to deliver, and a routing pass for the waiting line.
 * It runs at start, on every reconnection, and whenever a marker key it leaves in Redis is
 * gone: an emptied Redis that never dropped the connection (FLUSHALL, a failover to an
 * empty replica) is noticed within a second too. Idempotent, so several workers may run it.
 */
@Injectable()
export class RedisReconciler implements BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly marker: string;

  constructor(
    @Inject(CONFIG) config: Config,
    @Inject(LOGGER) private readonly logger: AppLogger,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly bus: QueueBus,
    private readonly routingRepo: RoutingRepository,
    private readonly escalations: EscalationRepository,
  ) {
    this.marker = `${config.REDIS_PREFIX}:reconciled`;
  }

  async start(): Promise<void> {
    this.redis.on('ready', () => void this.reconcile('reconnected'));
    await this.reconcile('start');
    this.timer = setInterval(() => void this.checkMarker(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async checkMarker(): Promise<void> {
    if (this.running || this.redis.status !== 'ready') return;
    const present = await this.redis.exists(this.marker).catch(() => 1);
    if (!present) await this.reconcile('redis-emptied');
  }

  /** One pass at a time; a request during a pass is served by that pass. */
  reconcile(reason: string): Promise<void> {
    this.running ??= this.pass(reason).finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(reason: string): Promise<void> {
    try {
      await this.bus.scheduleSweep();
      const offers = await this.routingRepo.openOffers();
      for (const offer of offers) {
        await this.bus.expireOffer(offer.id, offer.offerSeq, new Date(offer.offerExpiresAt).getTime() - Date.now());
      }
      const escalations = await this.escalations.awaitingDelivery();
      for (const id of escalations) await this.bus.deliverEscalation(id);
      await this.bus.route('reconcile');
      await this.redis.set(this.marker, new Date().toISOString());
      if (reason !== 'start') this.logger.warn({ reason, offers: offers.length, escalations: escalations.length }, 'Redis state re-created from PostgreSQL');
    } catch (err) {
      this.logger.warn({ err, reason }, 'reconcile failed; the next reconnection or check retries');
    }
  }
}
