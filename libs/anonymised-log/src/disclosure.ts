/**
 * What a reader can work out from a published table by linear algebra alone.
 *
 * A table is a set of named cells and the relations between them that a reader knows: each
 * relation says that one cell (a margin, e.g. a total) is the sum of others. Hidden cells are
 * the unknowns; every published cell is a constant. A hidden cell can be worked out exactly when
 * its unit vector lies in the row space of the relations restricted to the hidden cells, which
 * Gauss–Jordan elimination shows: then one reduced row has that cell and nothing else.
 * Arithmetic is on bigints, fraction-free, so no rounding can hide a derivation.
 */
export interface Relation {
  /** the cell that is the sum of `parts` */
  readonly total: string;
  readonly parts: readonly string[];
}

/** The hidden cells that the relations pin to one value, whatever the other hidden cells hold. */
export function derivableCells(relations: readonly Relation[], hidden: ReadonlySet<string>): Set<string> {
  const unknowns = [...hidden];
  const column = new Map(unknowns.map((key, i) => [key, i]));
  const rows = relations.map((r) => coefficients(r, column, unknowns.length)).filter((row) => row.some((c) => c !== 0n));
  const pivots = reduce(rows, unknowns.length);
  const derivable = new Set<string>();
  for (const [rowIndex, col] of pivots) {
    if (rows[rowIndex].every((c, j) => j === col || c === 0n)) derivable.add(unknowns[col]);
  }
  return derivable;
}

/** The relation as `parts − total = 0`, over the hidden cells only (published ones are constants). */
function coefficients(relation: Relation, column: ReadonlyMap<string, number>, width: number): bigint[] {
  const row = new Array<bigint>(width).fill(0n);
  const add = (key: string, c: bigint) => {
    const j = column.get(key);
    if (j !== undefined) row[j] += c;
  };
  relation.parts.forEach((key) => add(key, 1n));
  add(relation.total, -1n);
  return row;
}

/** Gauss–Jordan in place; returns [row, column] of each pivot. Every pivot column is zero in every other row. */
function reduce(rows: bigint[][], width: number): [number, number][] {
  const pivots: [number, number][] = [];
  let rank = 0;
  for (let col = 0; col < width && rank < rows.length; col++) {
    const found = rows.findIndex((row, i) => i >= rank && row[col] !== 0n);
    if (found < 0) continue;
    [rows[rank], rows[found]] = [rows[found], rows[rank]];
    const pivot = rows[rank];
    rows.forEach((row, i) => {
      if (i === rank || row[col] === 0n) return;
      const factor = row[col];
      rows[i] = normalise(row.map((c, j) => c * pivot[col] - pivot[j] * factor));
    });
    pivots.push([rank, col]);
    rank++;
  }
  return pivots;
}

/** Divides a row by the gcd of its entries, so numbers stay small. */
function normalise(row: bigint[]): bigint[] {
  const g = row.reduce((acc, c) => gcd(acc, c < 0n ? -c : c), 0n);
  return g > 1n ? row.map((c) => c / g) : row;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
