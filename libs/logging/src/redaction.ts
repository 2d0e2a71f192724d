import { isIPv6 } from 'node:net';

/**
 * What may never reach a log line: message text, IP addresses, tokens, secrets,
 * consented escalation details. Redaction happens here, at the logger, so a careless
 * call site cannot leak them.
 */
export const REDACTED_KEYS = new Set([
  'text', 'body', 'message_text', 'ciphertext', 'summary', 'details', 'callbackPhone', 'location',
  'token', 'accessToken', 'resumeToken', 'password', 'secret', 'authorization', 'cookie', 'ackToken',
  'ip', 'remoteAddress', 'x-forwarded-for', 'x-real-ip', 'address', 'userAgent', 'user-agent',
  'parameters', 'query', 'driverError', 'detail', 'email', 'to',
]);

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
/** Anything with two colons that could hold an IPv6 address, compressed (`2001:db8::1`) or not. */
const IPV6_CANDIDATE = /[0-9a-f:.]*:[0-9a-f:.]*:[0-9a-f:.]*/gi;
/** The uncompressed shape, as a backstop for what the candidate check cannot place (an address with a port glued on). */
const IPV6_FULL = /\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b/gi;
const BEARER = /bearer\s+[A-Za-z0-9._~+/=-]+/gi;

/** Scrubs IP addresses and bearer tokens out of free text such as an error message. */
export function scrubString(value: string): string {
  return value
    .replace(BEARER, 'Bearer [redacted]')
    .replace(IPV6_CANDIDATE, scrubIPv6Candidate)
    .replace(IPV6_FULL, '[ip]')
    .replace(IPV4, '[ip]');
}

/** `host:2001:db8::1.` — the address may have a separator glued to either side: try it without them. */
function scrubIPv6Candidate(candidate: string): string {
  const lead = candidate.startsWith(':') && !candidate.startsWith('::') ? ':' : '';
  const rest = candidate.slice(lead.length);
  const trail = /[.:]*$/.exec(rest)![0];
  const tries: [string, string, string][] = [['', candidate, ''], [lead, rest, ''], ['', candidate.slice(0, candidate.length - trail.length), trail], [lead, rest.slice(0, rest.length - trail.length), trail]];
  for (const [before, core, after] of tries) if (core && isIPv6(core)) return `${before}[ip]${after}`;
  return candidate;
}

/** Deep copy with sensitive keys replaced; errors reduced to their type, code and scrubbed message. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return redactError(value);
  if (Buffer.isBuffer(value)) return `[buffer ${value.length}]`;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = REDACTED_KEYS.has(key) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

/** An error as it may be logged: driver errors can echo query parameters, so those are dropped. */
export function redactError(err: Error): Record<string, unknown> {
  const e = err as Error & { code?: unknown; constraint?: unknown };
  return {
    type: err.name,
    message: scrubString(err.message).slice(0, 300),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
    stack: err.stack ? scrubString(err.stack.split('\n').slice(1, 8).join('\n')) : undefined,
  };
}
