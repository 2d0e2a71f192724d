import { derivableCells, type Relation } from './disclosure';
import { suppress } from './suppress';

export type { Relation } from './disclosure';

/** Named counts and the sums a reader knows between them (row totals, column totals, identities). */
export interface CountTable {
  /** insertion order is the order of preference between equal candidates */
  readonly cells: ReadonlyMap<string, number>;
  readonly relations: readonly Relation[];
}

type Exposure = (hidden: ReadonlySet<string>) => Set<string>;
type Rank = (key: string) => number[];

/**
 * Small-cell suppression that survives subtraction. Primary: every count from 1 to minCell − 1 is
 * hidden. Complementary: while some hidden cell can still be worked out (`exposedCells`), one more
 * cell is hidden, chosen by `cheapest` among the published cells that share a relation with an
 * exposed one, and the check runs again. Zeros are candidates like any other count, and so is a
 * total, so the method may hide a total along with a cell. Hiding a cell never exposes a cell
 * hidden before it (the row space restricted to the old unknowns cannot grow, and a sum of hidden
 * zeros only gains non-zero or hidden-total terms), so each round adds one cell and the loop ends,
 * at the latest with everything hidden. Then `publishWhatIsSafe` shows again every complementary
 * cell that the end result does not need.
 */
export function protectTable(table: CountTable, minCell: number): Map<string, number | null> {
  const primary = new Set([...table.cells].filter(([, n]) => suppress(n, minCell) === null).map(([key]) => key));
  const hidden = new Set(primary);
  const totals = new Set(table.relations.map((r) => r.total));
  const order = [...table.cells.keys()];
  const rank: Rank = (key) => [table.cells.get(key)!, totals.has(key) ? 1 : 0, order.indexOf(key)];
  const exposure: Exposure = (h) => exposedCells(table, h);

  for (;;) {
    const found = exposure(hidden);
    const exposed = order.filter((key) => found.has(key));
    if (exposed.length === 0) break;
    const candidates = [...new Set(exposed.flatMap((key) => partnersOf(key, table.relations, hidden)))];
    if (candidates.length === 0) {
      // cannot happen for sums of non-negative counts, but if it did, publishing nothing is the safe answer
      order.forEach((key) => hidden.add(key));
      break;
    }
    hidden.add(cheapest(candidates, exposed, table.relations, hidden, rank, exposure));
  }
  publishWhatIsSafe(hidden, primary, rank, exposure);
  return new Map(order.map((key) => [key, hidden.has(key) ? null : table.cells.get(key)!]));
}

/**
 * Hidden cells a reader can pin to one value: by the equations (`derivableCells`), or because a
 * sum with a shown total leaves nothing for its hidden parts, which then are all 0, since counts
 * are never negative (two hidden zeros beside their total would otherwise be read as zeros).
 */
export function exposedCells(table: CountTable, hidden: ReadonlySet<string>): Set<string> {
  const exposed = derivableCells(table.relations, hidden);
  for (const r of table.relations) {
    const hiddenParts = r.parts.filter((p) => hidden.has(p));
    if (hidden.has(r.total) || hiddenParts.length === 0) continue;
    // from the shown figures, as a reader would, so that a sum that does not quite hold (the kinds) is read as one
    const left = r.parts.reduce((rest, p) => (hidden.has(p) ? rest : rest - table.cells.get(p)!), table.cells.get(r.total)!);
    if (left <= 0) hiddenParts.forEach((p) => exposed.add(p));
  }
  return exposed;
}

/**
 * The greedy rounds can hide more than needed (a cell chosen early may be made redundant by a
 * later one). Each complementary cell, largest first, is shown again if every hidden cell stays
 * protected without it; a cell that has to stay hidden is put back at once.
 */
function publishWhatIsSafe(hidden: Set<string>, primary: ReadonlySet<string>, rank: Rank, exposure: Exposure): void {
  const complementary = [...hidden].filter((key) => !primary.has(key)).sort((a, b) => compare(rank(b), rank(a)));
  for (const key of complementary) {
    hidden.delete(key);
    if (exposure(hidden).size > 0) hidden.add(key);
  }
}

/**
 * The next cell to hide: the smallest count (then a cell that is not a total, then one that frees
 * more, then table order) among those whose hiding stops at least one exposed cell from being
 * worked out; when none does on its own, the smallest partner of the first exposed cell (a chain
 * of hidden zeros around a cell needs more than one step).
 */
function cheapest(candidates: string[], exposed: string[], relations: readonly Relation[], hidden: ReadonlySet<string>, rank: Rank, exposure: Exposure): string {
  const freed = (c: string) => {
    const still = exposure(new Set([...hidden, c]));
    return exposed.filter((key) => !still.has(key)).length;
  };
  const useful = candidates.map((c) => ({ c, freed: freed(c) })).filter((x) => x.freed > 0);
  if (useful.length > 0) {
    const key = ({ c, freed: n }: { c: string; freed: number }) => {
      const [value, total, at] = rank(c);
      return [value, total, -n, at];
    };
    return useful.sort((a, b) => compare(key(a), key(b)))[0].c;
  }
  return partnersOf(exposed[0], relations, hidden).sort((a, b) => compare(rank(a), rank(b)))[0] ?? candidates[0];
}

/** Published cells in a relation with `target`; failing that, in any relation that holds a hidden cell. */
function partnersOf(target: string, relations: readonly Relation[], hidden: ReadonlySet<string>): string[] {
  const cellsOf = (r: Relation) => [r.total, ...r.parts];
  const near = relations.filter((r) => cellsOf(r).includes(target));
  const published = (rs: Relation[]) => [...new Set(rs.flatMap(cellsOf))].filter((key) => !hidden.has(key));
  const first = published(near);
  return first.length > 0 ? first : published(relations.filter((r) => cellsOf(r).some((key) => hidden.has(key))));
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
