import type { Redis } from 'ioredis';

/**
 * Raises the covered number (KEYS[1]) to ARGV[1], never lowers it, and refuses a number the
 * trigger counter (KEYS[2]) has not reached: after Redis lost both, a pass that read the old
 * counter must not cover the new triggers.
 */
const RAISE = `local upTo = tonumber(ARGV[1])
if upTo > tonumber(redis.call('GET', KEYS[2]) or '0') then return 0 end
if upTo > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`;

/**
 * Coalesces routing triggers. Every trigger takes a number (one INCR), after the change it
 * announces has committed. A pass reads the newest number before it reads the line and, once
 * it has finished, records that number as covered. A `route` job whose number is covered is
 * skipped: a pass that began after its change has already seen it. So a flood of arrivals
 * costs a few passes instead of one each, and no trigger is lost: a job is only skipped for a
 * pass that started after it and completed.
 *
 * Both numbers live in Redis beside the queue. After Redis loses them (a flush, a restart) both
 * start again from zero, and a pass that read the old counter covers nothing (`RAISE`).
 */
export class RouteTriggers {
  private readonly triggerKey: string;
  private readonly coveredKey: string;

  /** `redis` is the process's producer connection; the keys sit under REDIS_PREFIX. */
  constructor(private readonly redis: Redis, redisPrefix: string) {
    this.triggerKey = `${redisPrefix}:routing:route-trigger`;
    this.coveredKey = `${redisPrefix}:routing:route-covered`;
  }

  /** A new trigger's number. */
  async take(): Promise<number> {
    return this.redis.incr(this.triggerKey);
  }

  /** The newest trigger's number: a pass reads it before it reads the line. */
  async newest(): Promise<number> {
    return Number(await this.redis.get(this.triggerKey)) || 0;
  }

  /** The newest trigger a completed pass has seen. */
  async covered(): Promise<number> {
    return Number(await this.redis.get(this.coveredKey)) || 0;
  }

  /** After a pass that read `newest` before it began: every trigger up to it is served. */
  async cover(upTo: number): Promise<void> {
    await this.redis.eval(RAISE, 2, this.coveredKey, this.triggerKey, String(upTo));
  }
}
