import type { Db, OfferRow, RoutingRepository, Sql } from '@prystan/persistence';
import { pairSessions } from './pairing';

/** One advisory lock serialises routing decisions across every worker (see docs/architecture.md). */
const ROUTING_LOCK = 74_117_002;

export interface RoutingPassResult { offers: OfferRow[] }
export interface PositionUpdate { sessionId: string; position: number; estimatedWaitSeconds: number | null }

export class RoutingService {
  constructor(
    private readonly db: Db,
    private readonly repo: RoutingRepository,
    private readonly offerTimeoutSeconds: number,
  ) {}

  /**
   * Runs `work` in one transaction holding the routing lock, the only way to take it. Whatever
   * changes who can be offered what (a routing pass, a presence change, a hand-over checked
   * against a colleague's room) goes through here, so it sees and leaves the whole truth for
   * the next pass. The lock is released with the transaction.
   */
  async underLock<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.rows('SELECT pg_advisory_xact_lock($1)', [ROUTING_LOCK]);
      return work(tx);
    });
  }

  /**
   * Pairs every waiting session it can, in one transaction under the routing lock: no
   * session is offered twice, no counsellor beyond their room, whatever runs concurrently.
   * `onLocked` runs once the lock is held, before anything is read.
   */
  async runPass(now = new Date(), onLocked: () => Promise<void> = async () => undefined): Promise<RoutingPassResult> {
    return this.underLock(async (tx) => {
      await onLocked();
      // counsellors first: in a flood with nobody free, a pass reads no line at all
      const candidates = await this.repo.candidates(tx);
      if (candidates.length === 0) return { offers: [] };
      const waiting = await this.repo.waiting(tx);
      if (waiting.length === 0) return { offers: [] };
      const pairs = pairSessions(waiting, candidates, now);
      return { offers: await this.repo.markOffered(tx, pairs, this.offerTimeoutSeconds) };
    });
  }
}
