import { Injectable } from '@nestjs/common';
import { TokenRepository } from '@prystan/persistence';

/** How long one gateway trusts its last answer about a token (the contract allows 1 s). */
const FRESH_MS = 800;
const MAX_ENTRIES = 10_000;

/**
 * "Is this token still alive?" for every staff socket event, with a short in-process cache so
 * a busy counsellor does not cost a query per keystroke. A revoked token's sockets are also
 * disconnected at once through the adapter; this is the net under that (an event racing the
 * disconnect, a gateway that missed the broadcast, an expiry).
 */
@Injectable()
export class TokenLiveness {
  private readonly cache = new Map<string, { alive: boolean; until: number }>();

  constructor(private readonly tokens: TokenRepository) {}

  async isAlive(tokenHash: Buffer): Promise<boolean> {
    const key = tokenHash.toString('base64');
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.alive;
    const access = await this.tokens.access(tokenHash);
    const alive = access !== undefined && !access.enrolmentOnly;
    if (this.cache.size >= MAX_ENTRIES) this.sweep(now);
    this.cache.set(key, { alive, until: now + FRESH_MS });
    return alive;
  }

  /** This gateway revoked it: no need to wait for the cache. */
  forget(tokenHash: Buffer): void {
    this.cache.delete(tokenHash.toString('base64'));
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.cache) if (entry.until <= now) this.cache.delete(key);
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
  }
}
