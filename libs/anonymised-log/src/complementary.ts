import { derivableCells, type Relation } from './disclosure';
import { suppress } from './suppress';

export type { Relation } from './disclosure';

/** Named counts and the sums a reader knows between them (row totals, column totals, identities). */
export interface CountTable {
  /** insertion order is the order of preference between equal candidates */
  readonly cells: ReadonlyMap<string, number>;
  readonly relations: readonly Relation[];
}

/**
 * Small-cell suppression that survives subtraction. Primary: every count from 1 to minCell − 1 is
 * hidden. Complementary: while some hidden cell can still be worked out exactly from the published
 * cells and the relations (see `derivableCells`), one more cell is hidden: among the published
 * cells that share a relation with it, the first one (smallest count, then a cell that is not a
 * total, then table order) whose hiding alone stops the derivation, or else the smallest one, and
 * the check runs again. Zeros are candidates like any other count; a total is one too, so the
 * method may hide a total along with a cell. Hiding a cell never makes another hidden cell
 * derivable (the row space restricted to the old unknowns cannot grow), so each round adds one
 * cell and the loop ends, at the latest with everything hidden.
 */
export function protectTable(table: CountTable, minCell: number): Map<string, number | null> {
  const hidden = new Set([...table.cells].filter(([, n]) => suppress(n, minCell) === null).map(([key]) => key));
  const totals = new Set(table.relations.map((r) => r.total));
  const order = [...table.cells.keys()];
  const rank = (key: string) => [table.cells.get(key)!, totals.has(key) ? 1 : 0, order.indexOf(key)];
  const byPreference = (a: string, b: string) => compare(rank(a), rank(b));

  for (;;) {
    const exposed = order.filter((key) => derivableCells(table.relations, hidden).has(key));
    if (exposed.length === 0) break;
    const target = exposed[0];
    const candidates = partnersOf(target, table.relations, hidden).sort(byPreference);
    if (candidates.length === 0) {
      // cannot happen for sums of non-negative counts, but if it did, publishing nothing is the safe answer
      order.forEach((key) => hidden.add(key));
      break;
    }
    const freeing = candidates.find((c) => !derivableCells(table.relations, new Set([...hidden, c])).has(target));
    hidden.add(freeing ?? candidates[0]);
  }
  return new Map(order.map((key) => [key, hidden.has(key) ? null : table.cells.get(key)!]));
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
