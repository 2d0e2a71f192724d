import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { ENUMS, PrystanMetrics, within, type CATALOGUE, type CheckedGauge, type CheckedHistogram, type LabelSpec } from '@prystan/metrics';
import { OperationsRepository } from '@prystan/persistence';
import { QueueBus } from '@prystan/queue';

const { language: LANGUAGES, priority: PRIORITIES, counsellorStatus: STATUSES, channel: CHANNELS, queue: QUEUES, jobState: JOB_STATES } = ENUMS;

/**
 * The line and the queues, read from PostgreSQL and Redis at each scrape. Workers compute
 * them, not gateways: the worker owns the line (routing), a scrape's SQL never competes with
 * a survivor's socket events, and there are usually fewer workers than gateways. Each
 * worker reports the same whole-system numbers, so dashboards and alerts aggregate them
 * with `max`, never `sum`. A value that could not be read is absent for that scrape, never
 * a stale or a made-up 0.
 */
@Injectable()
export class LineMetrics {
  readonly timeToOffer: CheckedHistogram<(typeof CATALOGUE)['timeToOffer']['labels']>;

  constructor(
    metrics: PrystanMetrics,
    private readonly operations: OperationsRepository,
    private readonly bus: QueueBus,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {
    this.timeToOffer = metrics.histogram('timeToOffer');
    metrics.gauge('sessionsWaiting', (g) => this.read(g, async () => {
      const rows = await this.operations.waiting();
      for (const language of LANGUAGES) for (const priority of PRIORITIES) g.set({ language, priority }, 0);
      for (const r of rows) g.set({ language: r.language as never, priority: PRIORITIES[r.priority] }, r.waiting);
    }));
    metrics.gauge('longestWait', (g) => this.read(g, async () => {
      const rows = await this.operations.longestWaits();
      for (const language of LANGUAGES) g.set({ language }, Math.max(0, ...rows.filter((r) => r.language === language).map((r) => r.seconds)));
    }));
    metrics.gauge('longestWaitByClass', (g) => this.read(g, async () => {
      const rows = await this.operations.longestWaits();
      for (const language of LANGUAGES) for (const priority of PRIORITIES) g.set({ language, priority }, 0);
      for (const r of rows) g.set({ language: r.language as never, priority: PRIORITIES[r.priority] }, Math.max(0, r.seconds));
    }));
    metrics.gauge('counsellors', (g) => this.read(g, async () => {
      const rows = await this.operations.counsellors();
      for (const language of LANGUAGES) for (const status of STATUSES) g.set({ language, status }, 0);
      for (const r of rows) if ((LANGUAGES as readonly string[]).includes(r.language)) g.set({ language: r.language as never, status: r.status }, r.count);
    }));
    metrics.gauge('escalationUnacknowledged', (g) => this.read(g, async () => {
      const rows = await this.operations.oldestUnacknowledgedEscalations();
      for (const channel of CHANNELS) g.set({ channel }, 0);
      for (const r of rows) g.set({ channel: r.channel as never }, Math.max(0, r.seconds));
    }));
    metrics.gauge('jobs', (g) => this.read(g, async () => {
      for (const queue of QUEUES) {
        const counts = await this.bus.queue(queue).getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) g.set({ queue, state }, counts[state] ?? 0);
      }
    }));
  }

  /** Fills one gauge; a dependency down (or slow) or a value outside the enumerations leaves it empty. */
  private async read<S extends LabelSpec>(gauge: CheckedGauge<S>, fill: () => Promise<void>): Promise<void> {
    gauge.reset();
    try {
      await within(2000, fill());
    } catch (err) {
      gauge.reset();
      this.logger.debug({ err }, 'a line metric could not be read this scrape');
    }
  }
}
