import { Registry } from 'prom-client';
import { CATALOGUE } from './catalogue';
import { CheckedCounter, CheckedGauge } from './checked-metrics';
import { allCombinations, checkLabels, ENUMS, MetricLabelError } from './labels';
import { PrystanMetrics } from './prystan-metrics';

describe('metric labels', () => {
  it('accepts only values from the enumerations', () => {
    expect(checkLabels('m', { language: ENUMS.language }, { language: 'uk' })).toEqual({ language: 'uk' });
    for (const bad of ['ua', 'PL', '', '0c6f2f8e-4b7e-4c1d-9a53-0f9d3a1c2b4e', '10.0.0.7', 'Olena']) {
      expect(() => checkLabels('m', { language: ENUMS.language }, { language: bad })).toThrow(MetricLabelError);
    }
  });

  it('refuses an undeclared label and a missing one', () => {
    expect(() => checkLabels('m', { language: ENUMS.language }, { language: 'pl', sessionId: 'x' })).toThrow(/no label sessionId/);
    expect(() => checkLabels('m', { language: ENUMS.language, priority: ENUMS.priority }, { language: 'pl' })).toThrow(/priority missing/);
  });

  it('never puts the refused value in the error (it may be what must not leak)', () => {
    let error: Error | undefined;
    try {
      checkLabels('m', { from: ENUMS.sender }, { from: 'call me at 600 000 000' });
    } catch (err) {
      error = err as Error;
    }
    expect(error).toBeInstanceOf(MetricLabelError);
    expect(error!.message).not.toContain('600');
  });

  it('lists every combination, so each series exists at 0 before its first event', () => {
    expect(allCombinations({ language: ENUMS.language, priority: ENUMS.priority })).toHaveLength(9);
    expect(allCombinations({})).toEqual([{}]);
  });

  it('checks at the counter and the gauge, not only in the types', async () => {
    const registry = new Registry();
    const counter = new CheckedCounter(registry, CATALOGUE.offers);
    expect(() => counter.inc({ outcome: 'stolen' } as never)).toThrow(MetricLabelError);
    const gauge = new CheckedGauge(registry, CATALOGUE.longestWait, (g) => g.set({ language: 'pl' }, 3));
    expect(() => gauge.set({ language: 'de' } as never, 1)).toThrow(MetricLabelError);
    const text = await registry.metrics();
    expect(text).toContain('prystan_offers_total{outcome="expired"} 0');
    expect(text).toContain('prystan_longest_wait_seconds{language="pl"} 3');
  });

  it('every catalogue label is an enumeration of short codes', () => {
    for (const def of Object.values(CATALOGUE)) {
      for (const values of Object.values(def.labels) as readonly string[][]) {
        for (const v of values) expect(v).toMatch(/^[a-z][a-z-]{1,20}$/);
      }
    }
  });

  it('a process registry has the default Node.js metrics and the flow counters', async () => {
    const text = await new PrystanMetrics('worker').registry.metrics();
    for (const name of ['process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'prystan_sessions_started_total', 'prystan_escalations_total']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});
