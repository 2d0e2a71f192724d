/**
 * Delivery failures, in two classes the worker treats differently.
 *
 * Their messages are written here, never copied from a lower layer: they hold no payload, no
 * details, no URL, no address, no secret and no response body, so a message can go into a log
 * line, a job's failedReason or a manager's alert as it is. Neither class carries a `cause`
 * (an error serialiser would print it).
 */

/**
 * What a manager (the failure alert, the escalation's last error) is told: a fixed code, never
 * a remote status line, body or network error text, which could map the internal network.
 * The message beside it (a status code, an error code) goes only to the log.
 */
export const DELIVERY_REASONS = [
  'refused-address', // the target is (or resolves to) an address webhooks may not reach
  'invalid-target', // the URL or e-mail configuration is not usable
  'http-error', // the receiver answered with an error status
  'redirect', // the receiver answered with a redirect, which is never followed
  'timeout',
  'tls', // no TLS, or TLS failed (certificate, handshake)
  'unreachable', // network error: refused, reset, no route, name not found
  'cancelled', // the worker is shutting down
  'mail-refused', // the mail server refused the message or the recipient
  'mail-auth', // the mail server refused the credentials
  'not-configured', // SMTP_URL is missing
  'invalid-payload',
  'sealed-data', // a sealed secret or the details do not open (moved to another row, or its key is no longer listed)
  'unexpected',
] as const;
export type DeliveryReason = (typeof DELIVERY_REASONS)[number];

/** Retrying will not help (a refused URL, a 4xx other than 408/429, a redirect, SMTP 5xx, no SMTP_URL). */
export class PermanentDeliveryError extends Error {
  readonly permanent = true;

  constructor(message: string, readonly reason: DeliveryReason) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** May succeed later (network error, timeout, 408, 429, 5xx, SMTP 4xx); `retryAfterSeconds` when the receiver said so. */
export class TransientDeliveryError extends Error {
  readonly permanent = false;

  constructor(message: string, readonly reason: DeliveryReason, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = 'TransientDeliveryError';
  }
}

/** A lower layer's error code (ECONNREFUSED, ETIMEDOUT...) when it is a plain code, else undefined. */
export function safeCode(code: unknown): string | undefined {
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,39}$/.test(code) ? code : undefined;
}

/** The fixed code for a manager, from any error a delivery threw. */
export function deliveryReason(err: unknown): DeliveryReason {
  return err instanceof PermanentDeliveryError || err instanceof TransientDeliveryError ? err.reason : 'unexpected';
}
