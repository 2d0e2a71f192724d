import { isIP } from 'node:net';
import { PermanentDeliveryError } from './errors';

/** The URL may not be used for a webhook. A PermanentDeliveryError, so the gateway can answer 400 and the worker stop retrying. */
export class WebhookUrlNotAllowedError extends PermanentDeliveryError {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookUrlNotAllowedError';
  }
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
