import { createTransport, type NodemailerError, type SMTPTransportOptions } from 'nodemailer';
import { renderEscalationEmail } from './email-content';
import { PermanentDeliveryError, safeCode, TransientDeliveryError } from './errors';
import type { EscalationPayload } from './payload';

export const DEFAULT_EMAIL_TIMEOUT_MS = 30_000;

export interface EmailDelivery {
  /** SMTP_URL (smtp:// or smtps://, credentials allowed); missing → PermanentDeliveryError. */
  smtpUrl?: string;
  from: string;
  to: string;
  payload: EscalationPayload;
  /** The whole SMTP conversation (default 30 s). */
  timeoutMs?: number;
  /** Cancels the delivery (e.g. the worker shutting down); it then fails as transient. */
  signal?: AbortSignal;
  /**
   * Production: the message travels only over TLS, `smtps://` or STARTTLS on `smtp://`
   * (nodemailer's requireTLS: a server that does not offer STARTTLS fails the delivery,
   * never a plain-text fallback).
   */
  requireTls: boolean;
}

/** SMTP_URL query options that could turn TLS off or weaken it (nodemailer reads options from the query). */
const TLS_WEAKENING_QUERY = /^(secure|ignoretls|requiretls|opportunistictls|tls(\..*)?)$/i;

/** Refuses an SMTP_URL that would not use TLS when TLS is required; a PermanentDeliveryError, so no retry. */
export function assertSmtpUrlUsesTls(smtpUrl: string): void {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new PermanentDeliveryError('SMTP_URL is not a usable SMTP configuration', 'invalid-target');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new PermanentDeliveryError('SMTP_URL must be smtp:// (with STARTTLS) or smtps://', 'tls');
  if ([...url.searchParams.keys()].some((key) => TLS_WEAKENING_QUERY.test(key))) {
    throw new PermanentDeliveryError('SMTP_URL must not change TLS options in production', 'tls');
  }
}

function smtpFailure(err: unknown, timedOut: boolean): PermanentDeliveryError | TransientDeliveryError {
  const e = (err ?? {}) as NodemailerError;
  // STARTTLS refused or not offered while required, or the TLS handshake (certificate) failed: an operator must act
  if (e.code === 'ETLS' || (e.code === 'ESOCKET' && typeof e.message === 'string' && /certificate|TLS|SSL/i.test(e.message))) {
    return new PermanentDeliveryError('the mail server connection could not use TLS', 'tls');
  }
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  if (reply !== undefined) {
    // nodemailer sets `permanent` from the reply class (5xx but 503 is permanent, RFC 5321)
    const permanent = typeof e.permanent === 'boolean' ? e.permanent : reply >= 500 && reply !== 503;
    if (permanent) return new PermanentDeliveryError(`the mail server refused the message (${reply})`, 'mail-refused');
    return new TransientDeliveryError(`the mail server deferred the message (${reply})`, 'mail-refused');
  }
  if (timedOut || e.code === 'ETIMEDOUT') return new TransientDeliveryError('the mail server timed out', 'timeout');
  if (e.code === 'EABORT') return new TransientDeliveryError('e-mail delivery was cancelled', 'cancelled');
  if (e.code === 'EAUTH' || e.code === 'ENOAUTH') return new PermanentDeliveryError('the mail server refused the SMTP credentials', 'mail-auth');
  if (e.code === 'EENVELOPE') return new PermanentDeliveryError('the e-mail sender or recipient is not valid', 'mail-refused');
  if (e.code === 'ECONFIG') return new PermanentDeliveryError('SMTP_URL is not a usable SMTP configuration', 'invalid-target');
  const code = safeCode(e.originalCode) ?? safeCode(e.code);
  return new TransientDeliveryError(code ? `the mail server is unreachable (${code})` : 'the mail server is unreachable', 'unreachable');
}

/**
 * Sends the escalation once by SMTP. The subject holds no details; the Message-ID is derived
 * from the escalation id. Throws PermanentDeliveryError (no SMTP_URL, a 5xx reply, refused
 * credentials) or TransientDeliveryError (4xx or 503 reply, connection failure, timeout).
 */
export async function deliverEmail(d: EmailDelivery): Promise<{ messageId: string }> {
  if (!d.smtpUrl) throw new PermanentDeliveryError('SMTP_URL is not configured', 'not-configured');
  if (d.requireTls) assertSmtpUrlUsesTls(d.smtpUrl);
  const timeoutMs = d.timeoutMs ?? DEFAULT_EMAIL_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = d.signal ? AbortSignal.any([timeout, d.signal]) : timeout;
  const mail = renderEscalationEmail(d.payload);
  const options: SMTPTransportOptions = {
    url: d.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
    ...(d.requireTls ? { requireTLS: true, ignoreTLS: false, opportunisticTLS: false } : {}),
  };
  let transport: ReturnType<typeof createTransport>;
  try {
    transport = createTransport(options);
  } catch {
    throw new PermanentDeliveryError('SMTP_URL is not a usable SMTP configuration', 'invalid-target');
  }
  try {
    await transport.sendMail({
      from: d.from,
      to: d.to,
      subject: mail.subject,
      messageId: mail.messageId,
      headers: mail.headers,
      priority: d.payload.urgency === 'immediate' ? 'high' : 'normal',
      text: mail.text,
      html: mail.html,
      signal,
    });
  } catch (err) {
    throw smtpFailure(err, timeout.aborted);
  } finally {
    transport.close();
  }
  return { messageId: mail.messageId };
}
