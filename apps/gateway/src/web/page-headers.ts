import type { Config } from '@prystan/config';

/**
 * Headers of every page. No third-party origin anywhere; the survivor page may be framed
 * only by the operator's listed host sites; nothing is sent as a referrer.
 */
export function pageHeaders(config: Config, page: 'chat' | 'console' | 'widget' | 'asset'): Record<string, string> {
  const frameAncestors = page === 'chat' ? ["'self'", ...config.embedOrigins].join(' ') : "'none'";
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': page === 'chat' ? 'same-origin-allow-popups' : 'same-origin',
    'Cross-Origin-Resource-Policy': page === 'widget' ? 'cross-origin' : 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    ...(page === 'console' ? { 'X-Frame-Options': 'DENY' } : {}),
  };
}
