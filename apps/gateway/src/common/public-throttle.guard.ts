import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { CONFIG, type Config } from '@prystan/config';
import { rateLimited } from '@prystan/contract';
import { PUBLIC_KEY } from '../accounts/decorators';
import { addressKey } from './client-address';
import { RateLimits } from './rate-limits';

export const THROTTLE_KEY = 'prystan:throttle';
export type ThrottleBucket = 'api' | 'pages' | 'own';

/**
 * Which public budget a route spends: `pages` for pages, assets and health (a page load is
 * several requests); `api` otherwise; `own` for sign-in, which has its own limits that count
 * failures only — a shared budget there would let anyone behind the same address as the staff
 * (an office, a shelter's network) lock them out by spending it.
 */
export const Throttle = (bucket: ThrottleBucket) => SetMetadata(THROTTLE_KEY, bucket);

/**
 * Global: every `@Public()` route spends from a per-address budget shared by all gateways
 * (Redis, keyed by a salted hash of the address, never the address). Staff routes are not
 * throttled here: a token is needed to reach them, and sign-in has its own limits. Over the
 * budget: 429 `rate_limited` with `Retry-After`.
 */
@Injectable()
export class PublicThrottleGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly limits: RateLimits, @Inject(CONFIG) private readonly config: Config) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (!this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const bucket = this.reflector.getAllAndOverride<ThrottleBucket | undefined>(THROTTLE_KEY, targets) ?? 'api';
    if (bucket === 'own') return true;
    const req = context.switchToHttp().getRequest<Request>();
    try {
      await (bucket === 'pages' ? this.limits.publicPages : this.limits.publicApi).consume(addressKey(this.config.appSecret, req.ip));
      return true;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err; // Redis trouble is not the caller's fault
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(Math.max(1, Math.ceil(err.msBeforeNext / 1000))));
      throw rateLimited('too many requests from here; wait a minute');
    }
  }
}
