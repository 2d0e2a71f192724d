import { LANGUAGES } from '@prystan/contract';
import { QUEUE } from '@prystan/queue';

/**
 * Every label value a Prystan metric may carry, as fixed enumerations. A label is never an
 * id, a name, an address or text: a value outside these lists throws instead of creating a
 * series (metrics outlive every retention rule, and a scrape is not access-controlled).
 */
export const ENUMS = {
  language: LANGUAGES,
  /** routing classes 0, 1, 2 (libs/routing/src/order.ts), named */
  priority: ['danger', 'child', 'other'],
  /** `available` has room for a chat, `busy` is available but full; `away` and `offline` as the presence */
  counsellorStatus: ['available', 'busy', 'away', 'offline'],
  offerOutcome: ['accepted', 'declined', 'expired', 'withdrawn'],
  sender: ['survivor', 'counsellor', 'system'],
  channel: ['webhook', 'email', 'phone'],
  escalationOutcome: ['raised', 'delivered', 'retried', 'failed', 'acknowledged'],
  queue: Object.values(QUEUE),
  jobState: ['waiting', 'prioritized', 'active', 'delayed', 'failed'],
  dependency: ['postgres', 'redis', 'bus', 'queues'],
  namespace: ['chat', 'staff'],
} as const;

/** Label name → its enumeration, per metric. */
export type LabelSpec = Readonly<Record<string, readonly string[]>>;
export type LabelValues<S extends LabelSpec> = { [K in keyof S]: S[K][number] };

export class MetricLabelError extends Error {}

/** Throws unless every label is declared for the metric and its value is in the enumeration. */
export function checkLabels<S extends LabelSpec>(metric: string, spec: S, labels: Record<string, string>): LabelValues<S> {
  for (const name of Object.keys(spec)) {
    if (!(name in labels)) throw new MetricLabelError(`${metric}: label ${name} missing`);
  }
  for (const [name, value] of Object.entries(labels)) {
    const allowed = spec[name];
    if (!allowed) throw new MetricLabelError(`${metric}: no label ${name}`);
    // the value itself stays out of the message: it may be exactly what must not leak
    if (!allowed.includes(value)) throw new MetricLabelError(`${metric}: a value of ${name} outside its enumeration`);
  }
  return labels as LabelValues<S>;
}

/** Every combination of the spec's values, to start each series at 0 (so `increase()` sees the first event). */
export function allCombinations<S extends LabelSpec>(spec: S): LabelValues<S>[] {
  return Object.entries(spec).reduce<Record<string, string>[]>(
    (rows, [name, values]) => rows.flatMap((row) => values.map((value) => ({ ...row, [name]: value }))),
    [{}],
  ) as LabelValues<S>[];
}
