import { isIP } from 'node:net';

/**
 * EMBED_ORIGINS: the host sites allowed to frame the survivor page (CSP frame-ancestors),
 * to open its sockets, and to receive its messages. Each entry must be written exactly as a
 * browser writes an origin, `https://host[:port]` (http only for loopback), because the
 * same text is compared with the `Origin` header and put in a CSP: a path, a wildcard, a
 * trailing slash or a user name there would either never match or match more than meant.
 */
export function parseEmbedOrigins(raw: string): { origins: string[]; errors: string[] } {
  const origins: string[] = [];
  const errors: string[] = [];
  raw.split(/\s+/).filter(Boolean).forEach((entry, i) => {
    const problem = originProblem(entry);
    if (problem) errors.push(`entry ${i + 1}${entry.includes('@') ? '' : ` (${entry})`} ${problem}`);
    else if (!origins.includes(entry)) origins.push(entry);
  });
  return { origins, errors };
}

const EXPECTED = 'must be an origin: https://host or https://host:port (http only for 127.0.0.0/8, [::1] or localhost)';

function originProblem(entry: string): string | undefined {
  if (entry.includes('*')) return `has a wildcard; list each site: ${EXPECTED}`;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return EXPECTED;
  }
  if (url.username || url.password) return `has a user name or password: ${EXPECTED}`;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return EXPECTED;
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) return `uses http on a host that is not loopback: ${EXPECTED}`;
  if (url.origin !== entry) {
    // a path, a query, a trailing slash, a default port, capitals or an unencoded name: say what the browser sends
    return `${EXPECTED}; the browser sends ${url.origin}`;
  }
  return undefined;
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts where a plain-http embedding page is acceptable (development). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1';
  return false;
}
