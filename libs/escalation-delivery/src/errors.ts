/**
 * Delivery failures, in two classes the worker treats differently.
 *
 * Their messages are written here, never copied from a lower layer: they hold no payload, no
 * details, no URL, no address, no secret and no response body, so a message can go into a log
 * line, a job's failedReason or a manager's alert as it is. Neither class carries a `cause`
 * (an error serialiser would print it).
 */

/** Retrying will not help (a refused URL, a 4xx other than 408/429, a redirect, SMTP 5xx, no SMTP_URL). */
export class PermanentDeliveryError extends Error {
  readonly permanent = true;

  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** May succeed later (network error, timeout, 408, 429, 5xx, SMTP 4xx); `retryAfterSeconds` when the receiver said so. */
export class TransientDeliveryError extends Error {
  readonly permanent = false;

  constructor(message: string, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = 'TransientDeliveryError';
  }
}

/** A lower layer's error code (ECONNREFUSED, ETIMEDOUT...) when it is a plain code, else undefined. */
export function safeCode(code: unknown): string | undefined {
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,39}$/.test(code) ? code : undefined;
}
