import { fetch as undiciFetch, type Agent } from 'undici';
import { PermanentDeliveryError, safeCode, TransientDeliveryError } from './errors';
import type { EscalationPayload } from './payload';
import { ADDRESS_REFUSED_CODE, createWebhookAgent } from './pinned-agent';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature';
import { assertWebhookTargetAllowed, type LookupFunction } from './url-policy';

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
  /** ALLOW_PRIVATE_WEBHOOKS: loopback, private, link-local... addresses may be reached. */
  allowPrivate: boolean;
  /** The resolver (tests of DNS answers); defaults to dns.lookup, through a shared pinned Agent. */
  lookup?: LookupFunction;
  /** Whole request until the response headers (default 10 s). */
  timeoutMs?: number;
  /** Cancels the delivery (e.g. the worker shutting down); it then fails as transient. */
  signal?: AbortSignal;
  /** Defaults to undici's fetch, with the pinned Agent as its dispatcher. */
  fetchImpl?: typeof fetch;
}

/** One Agent per mode for the whole process, so connections are reused between deliveries. */
const sharedAgents = new Map<boolean, Agent>();
function agentFor(allowPrivate: boolean): Agent {
  let agent = sharedAgents.get(allowPrivate);
  if (!agent) sharedAgents.set(allowPrivate, (agent = createWebhookAgent(allowPrivate)));
  return agent;
}

/** Closes the shared Agents (the worker's shutdown). */
export async function closeWebhookAgents(): Promise<void> {
  const agents = [...sharedAgents.values()];
  sharedAgents.clear();
  await Promise.all(agents.map((a) => a.close().catch(() => undefined)));
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|EPROTO$|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_(GET|VERIFY)_|HOSTNAME_MISMATCH)/;

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

type Cause = { code?: unknown; message?: unknown; errors?: Cause[]; cause?: Cause };

/** The lower layer's error code: fetch wraps the socket's error, happy eyeballs may wrap several. */
function causeCode(err: unknown): string | undefined {
  const cause = (err as { cause?: Cause })?.cause;
  return safeCode(cause?.code) ?? safeCode(cause?.errors?.[0]?.code) ?? safeCode(cause?.cause?.code);
}

function networkFailure(err: unknown, timedOut: boolean): TransientDeliveryError | PermanentDeliveryError {
  const e = err as { name?: string; cause?: Cause };
  if (timedOut || e?.name === 'TimeoutError') return new TransientDeliveryError('webhook timed out', 'timeout');
  if (e?.name === 'AbortError') return new TransientDeliveryError('webhook delivery was cancelled', 'cancelled');
  // fetch refuses some ports outright (the Fetch standard's "bad ports"): no retry helps
  if (e?.cause?.message === 'bad port') return new PermanentDeliveryError('webhook URL uses a port that HTTP clients refuse', 'invalid-target');
  const code = causeCode(err);
  // the name now resolves only to refused addresses (e.g. DNS rebinding after the check)
  if (code === ADDRESS_REFUSED_CODE) return new PermanentDeliveryError('webhook host resolved to a refused address when connecting', 'refused-address');
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return new TransientDeliveryError(`webhook timed out (${code})`, 'timeout');
  if (code && TLS_CODE.test(code)) return new TransientDeliveryError(`webhook TLS failed (${code})`, 'tls');
  return new TransientDeliveryError(code ? `webhook unreachable (${code})` : 'webhook unreachable', 'unreachable');
}

/**
 * POSTs the signed payload once. Resolves on any 2xx; otherwise throws a PermanentDeliveryError
 * (URL not allowed, 3xx since redirects are never followed, 4xx other than 408 and 429) or a
 * TransientDeliveryError (network error, timeout, 408, 429, 5xx; with retryAfterSeconds when
 * a 429 or 503 sends Retry-After). The response body is never read.
 */
export async function deliverWebhook(d: WebhookDelivery): Promise<{ status: number }> {
  const url = await assertWebhookTargetAllowed(d.url, { allowHttp: d.allowHttp, allowPrivate: d.allowPrivate, lookup: d.lookup });
  const idempotencyKey = d.escalationId ?? d.payload.escalationId;
  if (idempotencyKey !== d.payload.escalationId) throw new PermanentDeliveryError('the idempotency key is not the escalation id', 'invalid-payload');
  const ownAgent = d.lookup ? createWebhookAgent(d.allowPrivate, d.lookup) : undefined;
  try {
    return await post(d, url, idempotencyKey, ownAgent ?? agentFor(d.allowPrivate));
  } finally {
    await ownAgent?.destroy().catch(() => undefined);
  }
}

async function post(d: WebhookDelivery, url: URL, idempotencyKey: string, dispatcher: Agent): Promise<{ status: number }> {
  const body = JSON.stringify(d.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const timeout = AbortSignal.timeout(d.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS);
  const signal = d.signal ? AbortSignal.any([timeout, d.signal]) : timeout;
  let response: Response;
  try {
    response = await (d.fetchImpl ?? (undiciFetch as unknown as typeof fetch))(url, {
      method: 'POST',
      redirect: 'manual',
      dispatcher,
      signal,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, body),
        'Idempotency-Key': idempotencyKey,
      },
      body,
    } as RequestInit);
  } catch (err) {
    throw networkFailure(err, timeout.aborted);
  }
  // never read the body (it may be large, slow or hold anything): let the connection go
  await response.body?.cancel().catch(() => undefined);
  const status = response.status;
  if (status >= 200 && status < 300) return { status };
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfter = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
    throw new TransientDeliveryError(`webhook answered ${status}`, 'http-error', retryAfter);
  }
  if (status >= 300 && status < 400) throw new PermanentDeliveryError(`webhook answered a redirect (${status}), which is not followed`, 'redirect');
  if (status === 0) throw new PermanentDeliveryError('webhook answered a redirect, which is not followed', 'redirect');
  throw new PermanentDeliveryError(`webhook answered ${status}`, 'http-error');
}
