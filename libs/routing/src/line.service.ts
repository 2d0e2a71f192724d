import type { Language } from '@prystan/contract';
import type { Db, RoutingRepository, Sql } from '@prystan/persistence';
import type { PositionUpdate } from './routing.service';
import { estimateWaitSeconds } from './wait-estimate';

/** Serialises what survivors are told of their place, per language, across every process. */
const POSITION_LOCK = 74_117_100;
const LOCK_OFFSET: Record<Language, number> = { pl: 1, uk: 2, en: 3 };

/** Survivors' positions and estimates, per language. */
export class LineService {
  constructor(private readonly db: Db, private readonly repo: RoutingRepository, private readonly offerTimeoutSeconds: number) {}

  /** Every session in the line with its current position and estimate. */
  async positions(language: Language, sql: Sql = this.db): Promise<(PositionUpdate & { changed: boolean })[]> {
    // one after another: inside a transaction they share one connection
    const line = await this.repo.line(language, sql);
    const capacity = await this.repo.capacity(language, sql);
    const median = await this.repo.medianHandleSeconds(language, sql);
    const params = { ...capacity, medianHandleSeconds: median, offerTimeoutSeconds: this.offerTimeoutSeconds };
    return line.map((row, index) => {
      const position = index + 1;
      const estimatedWaitSeconds = estimateWaitSeconds(position, params);
      return { sessionId: row.id, position, estimatedWaitSeconds, changed: row.positionNotified !== position || row.estimateNotified !== estimatedWaitSeconds };
    });
  }

  /**
   * Tells every position that changed since it was last told, and records it as told. Under
   * a per-language lock, and `tell` runs before the commit: two passes at once cannot leave
   * a survivor with the older of two numbers.
   */
  async tellChangedPositions(language: Language, tell: (update: PositionUpdate) => void): Promise<number> {
    return this.locked(language, async (tx) => {
      const changed = (await this.positions(language, tx)).filter((p) => p.changed);
      await this.repo.saveNotified(changed.map((p) => ({ id: p.sessionId, position: p.position, estimate: p.estimatedWaitSeconds })), tx);
      for (const { changed: _c, ...update } of changed) tell(update);
      return changed.length;
    });
  }

  /** One session's place, recorded as told (the caller tells it, in an acknowledgement). */
  async positionOf(sessionId: string, language: Language): Promise<PositionUpdate | undefined> {
    return this.locked(language, async (tx) => {
      const found = (await this.positions(language, tx)).find((p) => p.sessionId === sessionId);
      if (!found) return undefined;
      await this.repo.saveNotified([{ id: found.sessionId, position: found.position, estimate: found.estimatedWaitSeconds }], tx);
      return { sessionId, position: found.position, estimatedWaitSeconds: found.estimatedWaitSeconds };
    });
  }

  /** How many counsellors could take a chat in this language now (available, room or not). */
  async onDutySlots(language: Language): Promise<number> {
    return (await this.repo.capacity(language)).totalSlots;
  }

  private locked<T>(language: Language, work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.rows('SELECT pg_advisory_xact_lock($1)', [POSITION_LOCK + LOCK_OFFSET[language]]);
      return work(tx);
    });
  }
}
