import { BullRegistrar } from '@nestjs/bullmq';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Worker } from 'bullmq';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { JOBS_BY_QUEUE, type QueueName } from '@prystan/queue';
import { QueueStatusPublisher } from '../queue-status/queue-status.publisher';
import { PositionsPublisher } from '../routing/positions.publisher';
import { PROCESSORS, type Processors } from './processors';
import { RedisReconciler } from './reconciler';

/** Running jobs get this long to finish on shutdown; then the worker lets go and their locks lapse (well within the 10 s a supervisor allows). */
const FINISH_RUNNING_JOBS_MS = 7000;

/** The job names of each queue that its processor does not handle. */
export function unhandledJobs(processors: Partial<Processors>): string[] {
  return (Object.keys(JOBS_BY_QUEUE) as QueueName[]).flatMap((queue) => {
    const processor = processors[queue];
    return JOBS_BY_QUEUE[queue].filter((name) => !processor?.handles(name)).map((name) => `${queue}/${name}`);
  });
}

/**
 * Starts the processors' BullMQ workers once every job of every queue has a handler (start-up
 * fails otherwise), then reconciles Redis with PostgreSQL: the reconciler re-creates what only
 * Redis held, so an empty Redis loses nothing. On shutdown, before the platform closes
 * PostgreSQL and Redis, the workers take no new job and finish their running ones, or let
 * them go back to the queue if that takes too long.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private started = false;

  constructor(
    @Inject(PROCESSORS) private readonly processors: Processors,
    private readonly registrar: BullRegistrar,
    private readonly reconciler: RedisReconciler,
    private readonly queueStatus: QueueStatusPublisher,
    private readonly positions: PositionsPublisher,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = unhandledJobs(this.processors);
    if (missing.length) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
    this.registrar.register();
    this.started = true;
    await this.reconciler.start();
    this.logger.info({ queues: Object.keys(this.processors) }, 'worker ready');
  }

  private workers(): Worker[] {
    return this.started ? Object.values(this.processors).map((p) => p.worker) : [];
  }

  /** True while a BullMQ worker runs on every queue (the worker's /health). */
  running(): boolean {
    const workers = this.workers();
    return workers.length === Object.keys(JOBS_BY_QUEUE).length && workers.every((w) => w.isRunning());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.queueStatus.stop();
    this.positions.stop();
    const workers = this.workers();
    const finished = Promise.all(workers.map((w) => w.close())).then(() => true);
    const inTime = await Promise.race([finished, new Promise<false>((r) => setTimeout(() => r(false), FINISH_RUNNING_JOBS_MS).unref())]);
    if (!inTime) {
      // their locks lapse and another worker takes them (escalations within about 15 s, see WORKER_OPTIONS)
      this.logger.warn('jobs still running at shutdown go back to the queue');
      await Promise.all(workers.map((w) => w.close(true)));
    }
    this.logger.info({ finished: inTime }, 'worker stopped taking jobs');
  }
}
