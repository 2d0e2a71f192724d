import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import type { AppLogger } from '@prystan/logging';
import type { JobName, QueueName } from '@prystan/queue';

export type JobHandler = (job: Job) => Promise<unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A job's id field, checked: a malformed payload fails for good instead of retrying. */
export function idField(job: Job, field: string): string {
  const value = (job.data as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'string' || !UUID.test(value)) throw new UnrecoverableError(`job ${job.name} has no valid ${field}`);
  return value;
}

/**
 * A queue's processor: one handler per job name its queue carries (`JOBS_BY_QUEUE`, checked
 * at start by `JobWorkers`); a job with another name fails for good. Failures are logged with
 * the queue, the job's name and its attempts: never its data.
 */
export abstract class QueueProcessor<Q extends QueueName = QueueName> extends WorkerHost {
  protected abstract readonly handlers: Record<JobName<Q>, JobHandler>;
  protected abstract readonly logger: AppLogger;

  handles(name: string): boolean {
    return Object.hasOwn(this.handlers, name);
  }

  async process(job: Job): Promise<unknown> {
    if (!this.handles(job.name)) throw new UnrecoverableError(`no handler for job ${job.name} on ${job.queueName}`);
    return this.handlers[job.name as JobName<Q>](job);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn({ queue: this.worker.name, job: job?.name, attemptsMade: job?.attemptsMade, err }, 'job failed');
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.error({ queue: this.worker.name, err }, 'worker error');
  }
}
