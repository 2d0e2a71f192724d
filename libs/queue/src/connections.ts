import type { ConnectionOptions } from 'bullmq';
import IORedis, { type Redis, type RedisOptions } from 'ioredis';

/** Reconnection delays: short and capped, so work resumes within about half a second of Redis returning. */
export const RECONNECT_BASE_MS = 50;
export const RECONNECT_CAP_MS = 500;

/** The delay before reconnection attempt `times` (1, 2, …): 50, 100, 200, 400, 500, 500, … ms. */
export function reconnectDelayMs(times: number): number {
  return Math.min(RECONNECT_BASE_MS * 2 ** Math.max(0, times - 1), RECONNECT_CAP_MS);
}

type Use = 'worker' | 'producer' | 'pubsub';

/** The options every use shares; only how long a command may wait for Redis differs. */
function redisOptions(use: Use, name: string) {
  return {
    connectionName: name,
    maxRetriesPerRequest: use === 'producer' ? 1 : null,
    enableOfflineQueue: true,
    retryStrategy: reconnectDelayMs,
    // a half-open connection (Redis gone without a FIN) is noticed by the OS instead of hanging
    keepAlive: 10_000,
    connectTimeout: 2000,
    autoResubscribe: true,
    lazyConnect: false,
    // commands issued in one turn of the event loop go out in one write: in a flood, hundreds
    // of arrivals' rate checks, queue adds and room broadcasts cost a few system calls, not
    // hundreds (a subscriber connection turns it off: it sends nothing but subscriptions)
    enableAutoPipelining: use !== 'worker',
  } satisfies RedisOptions;
}

/**
 * A Redis connection for a given use.
 * - `producer`: once it has been connected, requests (queue adds, rate limits, health) fail
 *   at once while Redis is away (no offline queue) so a caller gets `unavailable` instead of
 *   waiting; BullMQ recommends this for queues. Before the first connection, commands wait,
 *   so a process may start while Redis is still coming up.
 * - `worker`: BullMQ workers need `maxRetriesPerRequest: null` so a blocking command survives
 *   a reconnect (see `workerConnection`).
 * - `pubsub`: the socket.io adapter's publisher and subscriber; the subscriber's subscriptions
 *   are restored by ioredis on reconnect (`autoResubscribe`).
 * Every use reconnects for ever with a short capped backoff.
 */
export function createRedis(url: string, use: Use, name: string): Redis {
  const redis = new IORedis(url, redisOptions(use, name));
  // ioredis reads this option at each command
  if (use === 'producer') redis.once('ready', () => (redis.options.enableOfflineQueue = false));
  // errors while Redis is away are expected and retried; without a listener ioredis prints each one
  redis.on('error', () => undefined);
  return redis;
}

/**
 * What a BullMQ worker connects with: the `worker` options and the URL, from which BullMQ opens
 * its two connections (its commands, and its blocking wait for the next job, named after this
 * one) and closes them with the worker.
 */
export function workerConnection(url: string, name: string): ConnectionOptions {
  return { url, ...redisOptions('worker', name) };
}
