/** PostgreSQL SQLSTATE classes and codes that mean "the database is not there right now", not "the request was wrong". */
const PG_UNAVAILABLE = /^(08|57P0[1-3]|53300)/;
/** Network errors from either driver. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What pg and ioredis say when a connection is gone or cannot be had in time. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Stream isn't writeable/i,
  /Connection is closed/i,
  /Reached the max retries per request/i,
  /the database system is (starting up|shutting down)/i,
];

/**
 * True when an error means PostgreSQL or Redis is away (a restart, a network cut), so that
 * the caller is told `unavailable` (HTTP 503) and may try again, instead of an internal error.
 */
export function isDependencyDown(err: unknown): boolean {
  for (let e = err as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown } | undefined, depth = 0; e && depth < 3; depth++) {
    if (typeof e.code === 'string' && (NETWORK.has(e.code) || PG_UNAVAILABLE.test(e.code))) return true;
    if (e.name === 'MaxRetriesPerRequestError') return true;
    if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e!.message as string))) return true;
    e = e.driverError as typeof e;
  }
  return false;
}
