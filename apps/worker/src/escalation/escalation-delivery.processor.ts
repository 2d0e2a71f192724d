import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import type { Job } from 'bullmq';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { JOB, QUEUE } from '@prystan/queue';
import { idField, QueueProcessor } from '../runtime/queue-processor';
import { EscalationDeliveryService } from './escalation-delivery.service';

/** Escalation deliveries; their retries wait as the queue's backoff says (`WORKER_OPTIONS`, the service's Retry-After). */
@Processor(QUEUE.escalations)
export class EscalationDeliveryProcessor extends QueueProcessor<typeof QUEUE.escalations> {
  protected readonly handlers = {
    [JOB.deliver]: (job: Job) => this.delivery.deliver(idField(job, 'escalationId'), job),
  };

  constructor(private readonly delivery: EscalationDeliveryService, @Inject(LOGGER) protected readonly logger: AppLogger) {
    super();
  }
}
