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
