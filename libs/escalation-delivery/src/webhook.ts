import { PermanentDeliveryError, safeCode, TransientDeliveryError } from './errors';
import type { EscalationPayload } from './payload';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature';
import { assertWebhookUrlAllowed } from './url-policy';

export const USER_AGENT = 'Prystan-Escalation/1';
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookDelivery {
  url: string;
  /** The service's shared secret (keys the HMAC; never sent, never in an error). */
  secret: string;
  payload: EscalationPayload;
  /** The Idempotency-Key; defaults to, and must equal, payload.escalationId. */
  escalationId?: string;
  /** ALLOW_HTTP_WEBHOOKS: plain http to any host (loopback is always allowed). */
  allowHttp: boolean;
  /** Whole request until the response headers (default 10 s). */
  timeoutMs?: number;
  /** Cancels the delivery (e.g. the worker shutting down); it then fails as transient. */
  signal?: AbortSignal;
  /** Defaults to the global fetch (undici). */
  fetchImpl?: typeof fetch;
}

const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(header: string | null, nowMs = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d{1,9}$/.test(value)) return Number(value);
  if (!IMF_FIXDATE.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

function networkFailure(err: unknown, timedOut: boolean): TransientDeliveryError | PermanentDeliveryError {
  const e = err as { name?: string; cause?: { code?: unknown; message?: unknown } };
  if (timedOut || e?.name === 'TimeoutError') return new TransientDeliveryError('webhook timed out');
  if (e?.name === 'AbortError') return new TransientDeliveryError('webhook delivery was cancelled');
  // fetch refuses some ports outright (the Fetch standard's "bad ports"): no retry helps
  if (e?.cause?.message === 'bad port') return new PermanentDeliveryError('webhook URL uses a port that HTTP clients refuse');
  const code = safeCode(e?.cause?.code);
  return new TransientDeliveryError(code ? `webhook unreachable (${code})` : 'webhook unreachable');
}

/**
 * POSTs the signed payload once. Resolves on any 2xx; otherwise throws a PermanentDeliveryError
 * (URL not allowed, 3xx since redirects are never followed, 4xx other than 408 and 429) or a
 * TransientDeliveryError (network error, timeout, 408, 429, 5xx; with retryAfterSeconds when
 * a 429 or 503 sends Retry-After). The response body is never read.
 */
export async function deliverWebhook(d: WebhookDelivery): Promise<{ status: number }> {
  const url = assertWebhookUrlAllowed(d.url, d.allowHttp);
  const idempotencyKey = d.escalationId ?? d.payload.escalationId;
  if (idempotencyKey !== d.payload.escalationId) throw new PermanentDeliveryError('the idempotency key is not the escalation id');
  const body = JSON.stringify(d.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const timeout = AbortSignal.timeout(d.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS);
  const signal = d.signal ? AbortSignal.any([timeout, d.signal]) : timeout;
  let response: Response;
  try {
    response = await (d.fetchImpl ?? fetch)(url, {
      method: 'POST',
      redirect: 'manual',
      signal,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, body),
        'Idempotency-Key': idempotencyKey,
      },
      body,
    });
  } catch (err) {
    throw networkFailure(err, timeout.aborted);
  }
  // never read the body (it may be large, slow or hold anything): let the connection go
  await response.body?.cancel().catch(() => undefined);
  const status = response.status;
  if (status >= 200 && status < 300) return { status };
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfter = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
    throw new TransientDeliveryError(`webhook answered ${status}`, retryAfter);
  }
  if (status >= 300 && status < 400) throw new PermanentDeliveryError(`webhook answered a redirect (${status}), which is not followed`);
  if (status === 0) throw new PermanentDeliveryError('webhook answered a redirect, which is not followed');
  throw new PermanentDeliveryError(`webhook answered ${status}`);
}
