import { collectDefaultMetrics, Registry } from 'prom-client';
import { CATALOGUE } from './catalogue';
import { CheckedCounter, CheckedGauge, CheckedHistogram } from './checked-metrics';
import type { LabelSpec } from './labels';

export type ProcessKind = 'gateway' | 'worker';

type GaugeKey = 'sessionsWaiting' | 'longestWait' | 'longestWaitByClass' | 'counsellors' | 'escalationUnacknowledged' | 'jobs' | 'dependencyUp' | 'busHearing' | 'busRepairStage' | 'sockets' | 'sessionStartsWaiting';
type SpecOf<K extends keyof typeof CATALOGUE> = (typeof CATALOGUE)[K]['labels'] & LabelSpec;

/**
 * One process's registry: the default Node.js metrics, the flow counters every process may
 * feed, and whatever gauges and histograms the process adds with `gauge`/`histogram`.
 */
export class PrystanMetrics {
  readonly registry = new Registry();
  readonly sessionsStarted = new CheckedCounter(this.registry, CATALOGUE.sessionsStarted);
  readonly offers = new CheckedCounter(this.registry, CATALOGUE.offers);
  readonly routingPasses = new CheckedCounter(this.registry, CATALOGUE.routingPasses);
  readonly messages = new CheckedCounter(this.registry, CATALOGUE.messages);
  readonly escalations = new CheckedCounter(this.registry, CATALOGUE.escalations);

  constructor(readonly kind: ProcessKind) {
    collectDefaultMetrics({ register: this.registry });
  }

  gauge<K extends GaugeKey>(key: K, collect: (gauge: CheckedGauge<SpecOf<K>>) => Promise<void> | void): CheckedGauge<SpecOf<K>> {
    return new CheckedGauge(this.registry, CATALOGUE[key] as { name: string; help: string; labels: SpecOf<K> }, collect);
  }

  histogram<K extends 'messageAck' | 'timeToOffer'>(key: K): CheckedHistogram<SpecOf<K>> {
    const def = CATALOGUE[key];
    return new CheckedHistogram(this.registry, { ...def, buckets: [...def.buckets] } as { name: string; help: string; labels: SpecOf<K>; buckets: number[] });
  }
}
