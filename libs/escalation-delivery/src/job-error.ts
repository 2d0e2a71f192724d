import { UnrecoverableError } from 'bullmq';
import { PermanentDeliveryError, TransientDeliveryError } from './errors';

/**
 * What a BullMQ processor throws after a failed delivery: a PermanentDeliveryError becomes an
 * UnrecoverableError (BullMQ then fails the job at once, without further attempts); a
 * TransientDeliveryError is thrown as it is (its message is safe, and its retryAfterSeconds
 * reaches a custom backoff strategy); anything else becomes a plain, retried Error whose
 * message names only the error's class, never its text.
 */
export function toJobError(err: unknown): Error {
  if (err instanceof PermanentDeliveryError) return new UnrecoverableError(err.message);
  if (err instanceof TransientDeliveryError) return err;
  const name = err instanceof Error && /^[A-Za-z]{1,40}$/.test(err.name) && err.name !== 'Error' ? ` (${err.name})` : '';
  return new Error(`delivery failed unexpectedly${name}`);
}

/** Same as toJobError, under the name the brief used. */
export const classifyForBullmq = toJobError;

export interface BackoffOptions { baseMs?: number; maxMs?: number }

/**
 * A BullMQ custom backoff (`settings.backoffStrategy`, job option `backoff: {type: 'custom'}`):
 * exponential from `baseMs` (5 s), never sooner than the receiver's Retry-After, at most `maxMs` (1 h).
 * `attemptsMade` counts the attempt that just failed (1 after the first).
 */
export function backoffDelayMs(attemptsMade: number, err?: Error, { baseMs = 5_000, maxMs = 3_600_000 }: BackoffOptions = {}): number {
  const exponential = baseMs * 2 ** Math.max(0, attemptsMade - 1);
  const retryAfter = err instanceof TransientDeliveryError && err.retryAfterSeconds !== undefined ? err.retryAfterSeconds * 1000 : 0;
  return Math.min(maxMs, Math.max(exponential, retryAfter));
}
