import { TransientDeliveryError } from '@prystan/escalation-delivery';
import { JOB_OPTIONS, QUEUE, WORKER_OPTIONS } from './names';

describe('WORKER_OPTIONS', () => {
  it('gives the retry-after backoff to the escalation queue only, the only one whose jobs ask for it', () => {
    const custom = Object.entries(WORKER_OPTIONS).filter(([, options]) => 'settings' in options).map(([queue]) => queue);
    expect(custom).toEqual([QUEUE.escalations]);
    expect(JOB_OPTIONS.deliver('e').backoff).toEqual({ type: 'retry-after' });
    for (const options of [JOB_OPTIONS.route, JOB_OPTIONS.offerExpire('s', 1, 0), JOB_OPTIONS.sessionEnded('s')]) {
      expect(['fixed', 'exponential']).toContain((options.backoff as { type: string }).type);
    }
  });

  it('waits exponentially from 5 s between deliveries, or as long as the service asked', () => {
    const strategy = WORKER_OPTIONS.escalations.settings.backoffStrategy;
    expect([1, 2, 3].map((n) => strategy(n, 'retry-after'))).toEqual([5000, 10_000, 20_000]);
    expect(strategy(1, 'retry-after', new TransientDeliveryError('webhook answered 429', 'http-error', 120))).toBe(120_000);
  });

  it('checks for dead escalation workers more often than for the others', () => {
    const others = [WORKER_OPTIONS.routing, WORKER_OPTIONS.sessions, WORKER_OPTIONS.maintenance];
    for (const o of others) expect(WORKER_OPTIONS.escalations.lockDuration + 2 * WORKER_OPTIONS.escalations.stalledInterval).toBeLessThan(o.lockDuration + 2 * o.stalledInterval);
  });
});
