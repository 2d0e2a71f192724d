import IORedis, { type Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection for a given use. BullMQ workers need `maxRetriesPerRequest: null`
 * so a blocking command survives a reconnect; producers fail fast instead, so a request
 * gets `unavailable` rather than hanging while Redis is down.
 */
export function createRedis(url: string, use: 'worker' | 'producer' | 'pubsub', name: string): Redis {
  const options: RedisOptions = {
    connectionName: name,
    maxRetriesPerRequest: use === 'producer' ? 2 : null,
    enableOfflineQueue: true,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  };
  return new IORedis(url, options);
}

/**
 * Resolves once a connection has passed its handshake. A subscriber must wait for this
 * before anything subscribes: ioredis writes (P)SUBSCRIBE even during the handshake (Redis
 * marks them `loading`), the handshake's INFO ready check then fails on a connection that
 * is already in subscriber mode, ioredis reconnects, and the subscription, never confirmed,
 * is not restored. A gateway so started heard nothing from the bus.
 */
export function whenReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}
