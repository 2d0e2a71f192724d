import type { Language } from '@prystan/contract';
import type { Db, LineStanding, RoutingRepository, Sql } from '@prystan/persistence';
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
    const estimate = await this.estimator(language, sql);
    return line.map((row, index) => {
      const position = index + 1;
      const estimatedWaitSeconds = estimate(position);
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

  /**
   * One session's place, recorded as told (the caller tells it, in an acknowledgement). It is
   * counted in SQL, not read from the whole line, and takes no lock: in a flood, thousands of
   * arrivals would queue for the language's lock one after another. The cost is one race: a
   * pass that tells a newer number between this count and this record leaves the older number
   * recorded; the next pass finds it differs and tells it again, so the survivor is never left
   * with a wrong number, at most briefly shown one.
   */
  async positionOf(sessionId: string, language: Language): Promise<PositionUpdate | undefined> {
    const standing = await this.repo.placeOf(sessionId, language);
    return standing && this.told(sessionId, standing);
  }

  /** A place just counted (a new session's, from its insert), with its estimate, recorded as told. */
  async told(sessionId: string, standing: LineStanding): Promise<PositionUpdate> {
    const estimatedWaitSeconds = estimateWaitSeconds(standing.place, { ...standing, offerTimeoutSeconds: this.offerTimeoutSeconds });
    await this.repo.saveNotified([{ id: sessionId, position: standing.place, estimate: estimatedWaitSeconds }]);
    return { sessionId, position: standing.place, estimatedWaitSeconds };
  }

  /** The estimate for each place in the line, from the counsellors on duty now and recent handling times. */
  private async estimator(language: Language, sql: Sql): Promise<(position: number) => number | null> {
    const figures = await this.repo.lineFigures(language, sql);
    const params = { ...figures, offerTimeoutSeconds: this.offerTimeoutSeconds };
    return (position) => estimateWaitSeconds(position, params);
  }

  /** How many counsellors could take a chat in this language now (available, room or not). */
  async onDutySlots(language: Language): Promise<number> {
    return (await this.repo.lineFigures(language)).totalSlots;
  }

  private locked<T>(language: Language, work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.rows('SELECT pg_advisory_xact_lock($1)', [POSITION_LOCK + LOCK_OFFSET[language]]);
      return work(tx);
    });
  }
}
