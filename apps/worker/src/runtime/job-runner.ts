import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { CONFIG, type Config } from '@prystan/config';
import { backoffDelayMs } from '@prystan/escalation-delivery';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { createRedis, JOB, JOBS_BY_QUEUE, QUEUE, type QueueName } from '@prystan/queue';
import { MaintenanceService } from '../maintenance/maintenance.service';
import { QueueStatusPublisher } from '../queue-status/queue-status.publisher';
import { RoutingProcessor } from '../routing/routing.processor';
import { SessionClosureService } from '../sessions/session-closure.service';
import { ESCALATION_HANDLER, type EscalationHandler } from './escalation-handler';
import { RedisReconciler } from './reconciler';

type Handler = (job: Job) => Promise<unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Running jobs get this long to finish on shutdown; then the worker lets go and their locks lapse (well within the 10 s a supervisor allows). */
const FINISH_RUNNING_JOBS_MS = 7000;
const CONCURRENCY: Record<QueueName, number> = { routing: 2, sessions: 4, maintenance: 1, escalations: 4 };

/** A job's id field, checked: a malformed payload fails for good instead of retrying. */
function idField(job: Job, field: string): string {
  const value = (job.data as Record<string, unknown> | null)?.[field];
  if (typeof value !== 'string' || !UUID.test(value)) throw new UnrecoverableError(`job ${job.name} has no valid ${field}`);
  return value;
}

/**
 * Runs one BullMQ Worker per queue. Start-up fails if a job name has no handler; a job with
 * an unknown name fails for good. The reconciler re-creates what only Redis held, so an
 * empty Redis loses nothing. On shutdown the workers take no new job and finish their
 * running ones, or let them go back to the queue if that takes too long.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: AppLogger,
    @Inject(ESCALATION_HANDLER) private readonly escalations: EscalationHandler,
    private readonly routing: RoutingProcessor,
    private readonly closure: SessionClosureService,
    private readonly maintenance: MaintenanceService,
    private readonly queueStatus: QueueStatusPublisher,
    private readonly reconciler: RedisReconciler,
  ) {}

  private handlers(): Record<QueueName, Record<string, Handler>> {
    return {
      [QUEUE.routing]: {
        [JOB.route]: () => this.routing.route(),
        [JOB.offerExpire]: (job) => this.routing.expire({ sessionId: idField(job, 'sessionId'), offerSeq: Number(job.data.offerSeq) }),
      },
      [QUEUE.sessions]: { [JOB.sessionEnded]: (job) => this.closure.process(idField(job, 'sessionId')) },
      [QUEUE.maintenance]: { [JOB.sweep]: () => this.maintenance.sweep() },
      [QUEUE.escalations]: { [JOB.deliver]: (job) => this.escalations.deliver(idField(job, 'escalationId'), job) },
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.handlers();
    for (const [queue, names] of Object.entries(JOBS_BY_QUEUE) as [QueueName, string[]][]) {
      const missing = names.filter((n) => !handlers[queue]?.[n]);
      if (missing.length) throw new Error(`queue ${queue} has jobs without a handler: ${missing.join(', ')}`);
    }
    for (const queue of Object.keys(handlers) as QueueName[]) this.workers.push(this.startWorker(queue, handlers[queue]));
    await this.reconciler.start();
    this.logger.info({ queues: Object.keys(handlers) }, 'worker ready');
  }

  /** True while a BullMQ worker runs on every queue (the worker's /health). */
  running(): boolean {
    return this.workers.length === Object.keys(JOBS_BY_QUEUE).length && this.workers.every((w) => w.isRunning());
  }

  private startWorker(queue: QueueName, handlers: Record<string, Handler>): Worker {
    const connection = createRedis(this.config.REDIS_URL, 'worker', `${this.config.REDIS_PREFIX}:worker-${queue}`);
    this.connections.push(connection);
    const worker = new Worker(
      queue,
      async (job) => {
        const handler = handlers[job.name];
        if (!handler) throw new UnrecoverableError(`no handler for job ${job.name} on ${queue}`);
        return handler(job);
      },
      {
        connection,
        prefix: `${this.config.REDIS_PREFIX}:bull`,
        concurrency: CONCURRENCY[queue],
        // a job whose worker died goes back to the queue within about lockDuration + 2 × stalledInterval;
        // an escalation must not wait long, so its queue checks more often
        lockDuration: queue === QUEUE.escalations ? 10_000 : 30_000,
        stalledInterval: queue === QUEUE.escalations ? 5_000 : 30_000,
        settings: { backoffStrategy: (attemptsMade, _type, err) => backoffDelayMs(attemptsMade, err) },
      },
    );
    worker.on('failed', (job, err) => this.logger.warn({ queue, job: job?.name, attemptsMade: job?.attemptsMade, err }, 'job failed'));
    worker.on('error', (err) => this.logger.error({ queue, err }, 'worker error'));
    return worker;
  }

  /** Before the platform closes PostgreSQL and Redis: the running jobs still need them. */
  async beforeApplicationShutdown(): Promise<void> {
    this.queueStatus.stop();
    const finished = Promise.all(this.workers.map((w) => w.close())).then(() => true);
    const inTime = await Promise.race([finished, new Promise<false>((r) => setTimeout(() => r(false), FINISH_RUNNING_JOBS_MS).unref())]);
    if (!inTime) {
      // their locks lapse and another worker takes them (escalations within about 15 s, see lockDuration)
      this.logger.warn('jobs still running at shutdown go back to the queue');
      await Promise.all(this.workers.map((w) => w.close(true)));
    }
    this.logger.info({ finished: inTime }, 'worker stopped taking jobs');
  }

  onApplicationShutdown(): void {
    for (const c of this.connections) c.disconnect();
  }
}
