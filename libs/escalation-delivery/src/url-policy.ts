import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { isForbiddenAddress } from './address-policy';
import { PermanentDeliveryError, type DeliveryReason } from './errors';

/** The URL may not be used for a webhook. A PermanentDeliveryError, so the gateway can answer 400 and the worker stop retrying. */
export class WebhookUrlNotAllowedError extends PermanentDeliveryError {
  constructor(message: string, reason: DeliveryReason = 'invalid-target') {
    super(message, reason);
    this.name = 'WebhookUrlNotAllowedError';
  }
}

/** dns.lookup's callback shape (also what net.connect's `lookup` option takes). */
export type LookupFunction = typeof dnsLookup;

/** The host of a parsed URL as a resolver or net.connect wants it (IPv6 without brackets). */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** Every address `host` resolves to (getaddrinfo: /etc/hosts, then DNS), or the host itself when it is an IP address. */
export function resolveAll(host: string, lookup: LookupFunction = dnsLookup): Promise<LookupAddress[]> {
  const family = isIP(host);
  if (family !== 0) return Promise.resolve([{ address: host, family }]);
  return new Promise((resolve, reject) => {
    lookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses as LookupAddress[])));
  });
}

const RESOLVE_TIMEOUT_MS = 5_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface TargetPolicy {
  /** ALLOW_HTTP_WEBHOOKS */
  allowHttp: boolean;
  /** ALLOW_PRIVATE_WEBHOOKS: loopback, private and similar addresses may be reached. */
  allowPrivate: boolean;
  /** For tests of the resolver's answers; defaults to dns.lookup. */
  lookup?: LookupFunction;
}

/**
 * The URL check plus the address check: refuses a URL whose host is, or resolves to (any of
 * its addresses), an address `isForbiddenAddress` refuses. A name that does not resolve at all
 * passes here (the delivery checks again, and connects only to checked addresses). Messages
 * never name the host or its addresses.
 */
export async function assertWebhookTargetAllowed(raw: string, policy: TargetPolicy): Promise<URL> {
  const url = assertWebhookUrlAllowed(raw, policy.allowHttp);
  if (policy.allowPrivate) return url;
  let addresses: LookupAddress[];
  try {
    addresses = await withTimeout(resolveAll(bareHost(url), policy.lookup), RESOLVE_TIMEOUT_MS);
  } catch {
    return url;
  }
  if (addresses.some((a) => isForbiddenAddress(a.address))) {
    throw new WebhookUrlNotAllowedError(
      'the webhook URL leads to a loopback, private, link-local or otherwise internal address (allowed only with ALLOW_PRIVATE_WEBHOOKS=true)',
      'refused-address',
    );
  }
  return url;
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http is allowed to without ALLOW_HTTP_WEBHOOKS. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * Checks a webhook URL (at service creation and again before each delivery) and returns it
 * parsed. `https://` is required, except for a loopback host or when `allowHttp` is set;
 * credentials in the URL, other schemes and malformed URLs are refused. Messages never quote
 * the URL (its query string may hold a token).
 */
export function assertWebhookUrlAllowed(raw: string, allowHttp: boolean): URL {
  if (typeof raw !== 'string' || raw.trim() === '') throw new WebhookUrlNotAllowedError('the webhook URL is empty');
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new WebhookUrlNotAllowedError('the webhook URL is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookUrlNotAllowedError('the webhook URL must be an https:// URL');
  if (!url.hostname) throw new WebhookUrlNotAllowedError('the webhook URL has no host');
  if (url.username || url.password) throw new WebhookUrlNotAllowedError('the webhook URL must not carry credentials (use the service secret)');
  if (url.protocol === 'http:' && !allowHttp && !isLoopbackHost(url.hostname)) {
    throw new WebhookUrlNotAllowedError('the webhook URL must be https:// (http only on a loopback address or with ALLOW_HTTP_WEBHOOKS=true)');
  }
  return url;
}
