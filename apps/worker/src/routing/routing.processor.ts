import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { offerPayload, STAFF_OUT, type Triage } from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { ENUMS, PrystanMetrics } from '@prystan/metrics';
import { SessionRepository, StaffRepository, type OfferRow } from '@prystan/persistence';
import { Notifier } from '@prystan/platform';
import { JOB, QUEUE, QueueBus, RouteTriggers, type OfferExpireJob } from '@prystan/queue';
import { RoutingService } from '@prystan/routing';
import { LineMetrics } from '../metrics/line-metrics';
import { QueueStatusPublisher } from '../queue-status/queue-status.publisher';
import { idField, QueueProcessor } from '../runtime/queue-processor';
import { PositionsPublisher } from './positions.publisher';

/** Routing jobs: a pass that pairs the line with counsellors, and offer timeouts. */
@Processor(QUEUE.routing)
export class RoutingProcessor extends QueueProcessor<typeof QUEUE.routing> {
  protected readonly handlers = {
    [JOB.route]: (job: Job) => this.routeUnlessCovered(Number((job.data as { trigger?: unknown } | null)?.trigger)),
    [JOB.offerExpire]: (job: Job) => this.expire({ sessionId: idField(job, 'sessionId'), offerSeq: Number(job.data.offerSeq) }),
  };

  constructor(
    private readonly routing: RoutingService,
    private readonly triggers: RouteTriggers,
    private readonly positions: PositionsPublisher,
    private readonly sessions: SessionRepository,
    private readonly staff: StaffRepository,
    private readonly notifier: Notifier,
    private readonly bus: QueueBus,
    private readonly queueStatus: QueueStatusPublisher,
    @Inject(LOGGER) protected readonly logger: AppLogger,
    private readonly metrics: PrystanMetrics,
    private readonly lineMetrics: LineMetrics,
  ) {
    super();
  }

  /** A triggered pass, unless a pass that began after the trigger has completed (`RouteTriggers`). */
  async routeUnlessCovered(trigger: number): Promise<{ offers: number } | { covered: true }> {
    if (Number.isSafeInteger(trigger) && trigger > 0 && trigger <= (await this.triggers.covered())) {
      this.metrics.routingPasses.inc({ result: 'covered' });
      return { covered: true };
    }
    return this.route();
  }

  /** One pass over every line; then the offers, and (throttled) the positions and the duty board. */
  async route(): Promise<{ offers: number }> {
    // the newest trigger, read once the lock is held and before the line is: this pass serves it
    let seen = 0;
    const { offers } = await this.routing.runPass(new Date(), async () => { seen = await this.triggers.newest(); });
    await this.triggers.cover(seen);
    this.metrics.routingPasses.inc({ result: 'ran' });
    for (const offer of offers) await this.sendOffer(offer);
    this.positions.request();
    this.queueStatus.request();
    return { offers: offers.length };
  }

  private async sendOffer(offer: OfferRow): Promise<void> {
    this.lineMetrics.timeToOffer.observe({ language: offer.language, priority: ENUMS.priority[offer.priority] }, offer.waitedExactSeconds);
    // the row's triage is the session's stored Triage (the column is read as a plain object)
    this.notifier.staff(offer.staffId, STAFF_OUT.offer, offerPayload({ ...offer, triage: offer.triage as Triage }));
    // the timer; if it is lost (Redis down), the sweep expires the offer from PostgreSQL
    await this.bus.expireOffer(offer.sessionId, offer.offerSeq, new Date(offer.offerExpiresAt).getTime() - Date.now());
    this.logger.info({ sessionId: offer.sessionId, staffId: offer.staffId, offerSeq: offer.offerSeq }, 'offer sent');
  }

  /** Unanswered offer: back to the line at its old place, its counsellor set away, and on to the next. */
  async expire(job: OfferExpireJob): Promise<{ expired: boolean }> {
    const expired = await this.sessions.expireOffer(job.sessionId, job.offerSeq);
    if (!expired) return { expired: false };
    this.metrics.offers.inc({ outcome: 'expired' });
    this.notifier.staff(expired.counsellorId, STAFF_OUT.offerWithdrawn, { sessionId: job.sessionId, reason: 'timeout' });
    const away = await this.staff.setAwayIfAvailable(expired.counsellorId);
    if (away) this.notifier.staff(expired.counsellorId, STAFF_OUT.presence, { status: 'away', reason: 'offer-timeout' });
    this.logger.info({ sessionId: job.sessionId, staffId: expired.counsellorId }, 'offer timed out');
    await this.route();
    return { expired: true };
  }
}
