import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { CONFIG, type Config } from '@prystan/config';
import { rateLimited } from '@prystan/contract';
import { keyedHash } from '@prystan/crypto';
import { REDIS } from '@prystan/platform';
import { addressBucket } from './address-bucket';

const WINDOW_SECONDS = 15 * 60;
/** Failed sign-ins for one account from one address (IPv6: its /64) before that pair is refused. */
export const FAILURES_PER_ACCOUNT_AND_ADDRESS = 10;
/** Failed sign-ins from one address, across accounts, before the address is refused. */
export const FAILURES_PER_ADDRESS = 30;

/**
 * Sign-in throttling that an attacker cannot turn against staff: only failures count, and
 * they count per account *and* address, so guessing a counsellor's password from one place
 * never locks the counsellor out from their own. A success clears its pair. Keys are keyed
 * hashes (the e-mail and the address are never written to Redis in the clear).
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccountAndAddress: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(@Inject(REDIS) redis: Redis, @Inject(CONFIG) private readonly config: Config) {
    const make = (name: string, points: number) => new RateLimiterRedis({
      storeClient: redis, keyPrefix: `${config.REDIS_PREFIX}:rl:${name}`, points, duration: WINDOW_SECONDS,
      insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS }),
    });
    this.perAccountAndAddress = make('login-fail-account-addr', FAILURES_PER_ACCOUNT_AND_ADDRESS);
    this.perAddress = make('login-fail-addr', FAILURES_PER_ADDRESS);
  }

  /** Throws `rate_limited` (429) when this account from this address, or this address, failed too often. */
  async check(email: string, address: string | undefined): Promise<void> {
    const [pair, whole] = await Promise.all([this.perAccountAndAddress.get(this.pairKey(email, address)), this.perAddress.get(this.addressKey(address))]);
    if ((pair?.consumedPoints ?? 0) >= FAILURES_PER_ACCOUNT_AND_ADDRESS) throw rateLimited('too many failed sign-ins for this account from here; wait 15 minutes');
    if ((whole?.consumedPoints ?? 0) >= FAILURES_PER_ADDRESS) throw rateLimited('too many failed sign-ins from here; wait 15 minutes');
  }

  async failed(email: string, address: string | undefined): Promise<void> {
    await Promise.all([this.perAccountAndAddress.penalty(this.pairKey(email, address), 1), this.perAddress.penalty(this.addressKey(address), 1)]);
  }

  /** The right person from this address: their earlier typos here are forgiven. */
  async succeeded(email: string, address: string | undefined): Promise<void> {
    await this.perAccountAndAddress.delete(this.pairKey(email, address));
  }

  /** A stable pseudonym of an account for log lines about failures (the e-mail itself is never logged). */
  accountRef(email: string): string {
    return keyedHash(this.config.appSecret, `log-account|${normalise(email)}`).slice(0, 12);
  }

  private pairKey(email: string, address: string | undefined): string {
    return keyedHash(this.config.appSecret, `login-pair|${normalise(email)}|${addressBucket(address)}`);
  }

  private addressKey(address: string | undefined): string {
    return keyedHash(this.config.appSecret, `login-addr|${addressBucket(address)}`);
  }
}

const normalise = (email: string) => email.trim().toLowerCase();
