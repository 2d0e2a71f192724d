import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOB, JOB_OPTIONS, QUEUE, type QueueName } from '@prystan/queue';

/** The producers' side of BullMQ: each call adds one job carrying ids only. */
export class QueueBus {
  private readonly queues: Record<QueueName, Queue>;

  constructor(connection: Redis, prefix: string) {
    const make = (name: QueueName) => new Queue(name, { connection, prefix: `${prefix}:bull` });
    this.queues = {
      routing: make(QUEUE.routing),
      sessions: make(QUEUE.sessions),
      maintenance: make(QUEUE.maintenance),
      escalations: make(QUEUE.escalations),
    };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /** Something changed that may allow a new pairing. */
  async route(reason: string): Promise<void> {
    await this.queues.routing.add(JOB.route, { reason }, JOB_OPTIONS.route);
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

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }
}
