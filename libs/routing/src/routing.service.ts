import type { Db, OfferRow, RoutingRepository } from '@prystan/persistence';
import { pairSessions } from './pairing';

/** One advisory lock serialises routing decisions across every worker (see docs/architecture.md). */
export const ROUTING_LOCK = 74_117_002;

export interface RoutingPassResult { offers: OfferRow[] }
export interface PositionUpdate { sessionId: string; position: number; estimatedWaitSeconds: number | null }

export class RoutingService {
  constructor(
    private readonly db: Db,
    private readonly repo: RoutingRepository,
    private readonly offerTimeoutSeconds: number,
  ) {}

  /**
   * Pairs every waiting session it can, in one transaction under the routing lock: no
   * session is offered twice, no counsellor beyond their room, whatever runs concurrently.
   */
  async runPass(now = new Date()): Promise<RoutingPassResult> {
    return this.db.transaction(async (tx) => {
      await tx.rows('SELECT pg_advisory_xact_lock($1)', [ROUTING_LOCK]);
      const waiting = await this.repo.waiting(tx);
      if (waiting.length === 0) return { offers: [] };
      const candidates = await this.repo.candidates(tx);
      const pairs = pairSessions(waiting, candidates, now);
      return { offers: await this.repo.markOffered(tx, pairs, this.offerTimeoutSeconds) };
    });
  }
}
