import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { allCombinations, checkLabels, type LabelSpec, type LabelValues } from './labels';

/** Which label enumerations each metric of this process declared (the e2e test checks scrapes against it). */
export type DeclaredLabels = Map<string, LabelSpec>;

interface Definition<S extends LabelSpec> { name: string; help: string; labels: S }

/** A counter whose labels are checked against their enumerations; every series starts at 0. */
export class CheckedCounter<S extends LabelSpec> {
  private readonly counter: Counter<string>;
  constructor(registry: Registry, private readonly def: Definition<S>) {
    this.counter = new Counter({ name: def.name, help: def.help, labelNames: Object.keys(def.labels), registers: [registry] });
    for (const labels of allCombinations(def.labels)) this.counter.inc(labels, 0);
  }
  inc(labels: LabelValues<S>, by = 1): void {
    if (by > 0) this.counter.inc(checkLabels(this.def.name, this.def.labels, labels), by);
  }
}

/** A gauge set at scrape time by `collect`, through checked labels. */
export class CheckedGauge<S extends LabelSpec> {
  private readonly gauge: Gauge<string>;
  constructor(registry: Registry, private readonly def: Definition<S>, collect: (gauge: CheckedGauge<S>) => Promise<void> | void) {
    const self = this;
    this.gauge = new Gauge({
      name: def.name, help: def.help, labelNames: Object.keys(def.labels), registers: [registry],
      async collect() { await collect(self); },
    });
  }
  set(labels: LabelValues<S>, value: number): void {
    this.gauge.set(checkLabels(this.def.name, this.def.labels, labels), value);
  }
  /** Drops every series: what could not be read this scrape is absent, never a stale number. */
  reset(): void {
    this.gauge.reset();
  }
}

export class CheckedHistogram<S extends LabelSpec> {
  private readonly histogram: Histogram<string>;
  constructor(registry: Registry, private readonly def: Definition<S> & { buckets: number[] }) {
    this.histogram = new Histogram({ name: def.name, help: def.help, labelNames: Object.keys(def.labels), buckets: def.buckets, registers: [registry] });
  }
  observe(labels: LabelValues<S>, seconds: number): void {
    this.histogram.observe(checkLabels(this.def.name, this.def.labels, labels), seconds);
  }
  /** Starts a timer; calling the result records the seconds elapsed. */
  startTimer(labels: LabelValues<S>): () => void {
    const started = process.hrtime.bigint();
    return () => this.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
  }
}
