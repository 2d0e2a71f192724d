import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JOB, JOB_OPTIONS, QUEUE, SWEEP_SCHEDULE, type QueueName } from './names';
import { RouteTriggers } from './route-triggers';

/** The producers' side of BullMQ: each call adds one job carrying ids only, with its options from names.ts. */
@Injectable()
export class QueueBus {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QUEUE.routing) routing: Queue,
    @InjectQueue(QUEUE.sessions) sessions: Queue,
    @InjectQueue(QUEUE.maintenance) maintenance: Queue,
    @InjectQueue(QUEUE.escalations) escalations: Queue,
    private readonly triggers: RouteTriggers,
  ) {
    this.queues = { routing, sessions, maintenance, escalations };
  }

  /** For reading a queue (its job counts), not for adding to it. */
  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /**
   * Something changed that may allow a new pairing; call it after that change has committed.
   * The job carries the trigger's number, so a pass that already saw the change lets it go
   * (`RouteTriggers`).
   */
  async route(reason: string): Promise<void> {
    const trigger = await this.triggers.take();
    await this.queues.routing.add(JOB.route, { reason, trigger }, JOB_OPTIONS.route);
  }

  async expireOffer(sessionId: string, offerSeq: number, delayMs: number): Promise<void> {
    await this.queues.routing.add(JOB.offerExpire, { sessionId, offerSeq }, JOB_OPTIONS.offerExpire(sessionId, offerSeq, Math.max(0, delayMs)));
  }

  /** `phase` separates the end of a chat from the later arrival of its closing form. */
  async sessionEnded(sessionId: string, phase: 'ended' | 'form' | 'sweep' = 'ended'): Promise<void> {
    const options = JOB_OPTIONS.sessionEnded(sessionId);
    await this.queues.sessions.add(JOB.sessionEnded, { sessionId }, { ...options, jobId: `${options.jobId}_${phase}` });
  }

  async deliverEscalation(escalationId: string): Promise<void> {
    await this.queues.escalations.add(JOB.deliver, { escalationId }, JOB_OPTIONS.deliver(escalationId));
  }

  /** Creates or updates the sweep's schedule (idempotent). */
  async scheduleSweep(): Promise<void> {
    const { id, repeat, job } = SWEEP_SCHEDULE;
    await this.queues.maintenance.upsertJobScheduler(id, repeat, { name: job.name, data: { ...job.data }, opts: { ...job.opts } });
  }
}
