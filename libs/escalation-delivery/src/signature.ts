import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-Prystan-Timestamp';
export const SIGNATURE_HEADER = 'X-Prystan-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`, keyed with the service's secret. */
export function signWebhook(secret: string, timestampSeconds: number, rawBody: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.`, 'utf8');
  mac.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody);
  return `sha256=${mac.digest('hex')}`;
}

export interface VerifyOptions {
  /** How far the timestamp may be from now, either way (default 300). */
  toleranceSeconds?: number;
  /** The current time: a Date, or milliseconds as Date.now() gives them (default: the clock). */
  now?: Date | number;
}

/**
 * For receivers (and tests): true only when the timestamp is a whole number of seconds within
 * the tolerance and the signature matches the raw body exactly as received (bytes, before any
 * JSON parsing). The signature is compared in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  timestampHeader: string | undefined | null,
  signatureHeader: string | undefined | null,
  rawBody: string | Buffer,
  options: VerifyOptions = {},
): boolean {
  if (typeof timestampHeader !== 'string' || typeof signatureHeader !== 'string') return false;
  if (!/^\d{1,12}$/.test(timestampHeader.trim())) return false;
  const timestamp = Number(timestampHeader.trim());
  const nowMs = options.now === undefined ? Date.now() : +options.now;
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isFinite(nowMs) || Math.abs(Math.floor(nowMs / 1000) - timestamp) > tolerance) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody), 'utf8');
  const given = Buffer.from(signatureHeader.trim(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
