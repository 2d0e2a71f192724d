import { UnrecoverableError } from 'bullmq';
import { PermanentDeliveryError, TransientDeliveryError } from './errors';
import { backoffDelayMs, toJobError } from './job-error';

describe('toJobError', () => {
  it('turns permanent failures into BullMQ UnrecoverableError, keeping the safe message', () => {
    const e = toJobError(new PermanentDeliveryError('webhook answered 400', 'http-error'));
    expect(e).toBeInstanceOf(UnrecoverableError);
    expect(e.message).toBe('webhook answered 400');
  });

  it('lets transient failures retry, with their Retry-After', () => {
    const e = toJobError(new TransientDeliveryError('webhook answered 503', 'http-error', 10));
    expect(e).not.toBeInstanceOf(UnrecoverableError);
    expect(e.message).toBe('webhook answered 503');
    expect((e as TransientDeliveryError).retryAfterSeconds).toBe(10);
  });

  it('never passes on the text of an unexpected error', () => {
    expect(toJobError(new Error('summary: he has a gun')).message).toBe('delivery failed unexpectedly');
    expect(toJobError(new SyntaxError('Unexpected token S in "Summary..."')).message).toBe('delivery failed unexpectedly (SyntaxError)');
    expect(toJobError('a string').message).toBe('delivery failed unexpectedly');
    expect(toJobError(undefined)).not.toBeInstanceOf(UnrecoverableError);
  });
});

describe('backoffDelayMs', () => {
  it('is exponential from the base, capped, and never sooner than Retry-After', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n))).toEqual([5000, 10000, 20000, 40000]);
    expect(backoffDelayMs(20)).toBe(3_600_000);
    expect(backoffDelayMs(1, new TransientDeliveryError('webhook answered 429', 'http-error', 120))).toBe(120_000);
    expect(backoffDelayMs(4, new TransientDeliveryError('webhook answered 429', 'http-error', 1))).toBe(40_000);
    expect(backoffDelayMs(1, new TransientDeliveryError('webhook answered 429', 'http-error', 86_400))).toBe(3_600_000);
    expect(backoffDelayMs(2, undefined, { baseMs: 100, maxMs: 150 })).toBe(150);
  });
});
