/**
 * An honest attacker on published statistics: knows every published figure and every sum a
 * reader may rely on, treats each hidden figure (null) as an unknown, and works out whatever the
 * equations pin down. Written apart from the server's suppression code (exact fractions, and a
 * rank test instead of reading the reduced rows), so that a mistake there is not repeated here.
 *
 * It finds exact values: a hidden figure that the equations fix to one value, and hidden parts of
 * one shown sum that non-negativity forces to 0. It does not bound a figure within a range, nor
 * combine sums with inequalities beyond that (escalated ≤ answered, say).
 */
export type Published = Record<string, number | null>;
export interface Sum { total: string; parts: string[] }

type Q = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
  const g = gcd(n, d) || 1n;
  const s = d < 0n ? -1n : 1n;
  return { n: (s * n) / g, d: (s * d) / g };
};
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
const isZero = (a: Q) => a.n === 0n;

/** Row-reduces [coefficients | constant] rows in place with exact fractions; returns the rank of the coefficient part. */
function rowReduce(rows: Q[][], width: number): number {
  let rank = 0;
  for (let col = 0; col < width; col++) {
    const found = rows.findIndex((r, i) => i >= rank && !isZero(r[col]));
    if (found < 0) continue;
    [rows[rank], rows[found]] = [rows[found], rows[rank]];
    const pivot = rows[rank][col];
    rows[rank] = rows[rank].map((v) => div(v, pivot));
    for (let i = 0; i < rows.length; i++) {
      if (i === rank || isZero(rows[i][col])) continue;
      const f = rows[i][col];
      rows[i] = rows[i].map((v, j) => sub(v, mul(f, rows[rank][j])));
    }
    rank++;
  }
  return rank;
}

/** Every hidden figure the sums fix to one value, with that value. */
export function recoverHidden(published: Published, sums: Sum[]): Record<string, number> {
  const unknowns = Object.keys(published).filter((k) => published[k] === null);
  const width = unknowns.length;
  const equations = sums.map((s) => {
    const row: Q[] = new Array(width + 1).fill(q(0n));
    const term = (key: string, sign: bigint) => {
      if (!(key in published)) throw new Error(`the sum names ${key}, which the answer does not have`);
      const j = unknowns.indexOf(key);
      // unknowns on the left, published figures moved to the right
      if (j >= 0) row[j] = q(row[j].n + sign * row[j].d, row[j].d);
      else row[width] = sub(row[width], q(sign * BigInt(published[key]!)));
    };
    s.parts.forEach((p) => term(p, 1n));
    term(s.total, -1n);
    return row;
  });
  const rank = (cols: number[]) => rowReduce(equations.map((r) => cols.map((c) => r[c])), cols.length);
  const all = unknowns.map((_, j) => j);
  const full = rank(all);
  const solved = equations.map((r) => [...r]);
  rowReduce(solved, width);
  const recovered: Record<string, number> = {};
  unknowns.forEach((key, j) => {
    // fixed exactly when dropping its column lowers the rank: its unit vector is in the row space
    if (rank(all.filter((c) => c !== j)) !== full - 1) return;
    const row = solved.find((r) => !isZero(r[j]))!;
    const value = div(row[width], row[j]);
    recovered[key] = Number(value.n) / Number(value.d);
  });
  // counts are never negative: hidden parts of a shown total that leaves them nothing are all 0
  for (const s of sums) {
    const hiddenParts = s.parts.filter((p) => published[p] === null);
    if (published[s.total] === null || hiddenParts.length === 0) continue;
    const left = s.parts.reduce((rest, p) => rest - (published[p] ?? 0), published[s.total]!);
    if (left === 0) hiddenParts.forEach((p) => (recovered[p] = 0));
  }
  return recovered;
}

type Figures = Record<'contacts' | 'answered' | 'abandoned' | 'escalated', number | null>;
export interface StatsAnswer { totals: Figures; byLanguage: Record<string, Figures>; escalationsByKind?: Record<string, number | null> }

/** The statistics answer as figures and the sums a funder knows from docs/protocol.md. */
export function statsEquations(answer: StatsAnswer): { published: Published; sums: Sum[] } {
  const published: Published = {};
  const rows: Record<string, Figures> = { ...answer.byLanguage, total: answer.totals };
  for (const [row, f] of Object.entries(rows)) for (const [m, v] of Object.entries(f)) published[`${row}.${m}`] = v;
  const kinds = Object.keys(answer.escalationsByKind ?? {});
  for (const k of kinds) published[`kind.${k}`] = answer.escalationsByKind![k];
  const languages = Object.keys(answer.byLanguage);
  const sums: Sum[] = [
    ...Object.keys(answer.totals).map((m) => ({ total: `total.${m}`, parts: languages.map((l) => `${l}.${m}`) })),
    ...Object.keys(rows).map((r) => ({ total: `${r}.contacts`, parts: [`${r}.answered`, `${r}.abandoned`] })),
  ];
  if (kinds.length > 0) sums.push({ total: 'total.escalated', parts: kinds.map((k) => `kind.${k}`) });
  return { published, sums };
}

/** The statistics CSV read back into an answer (hidden figures written `*`). */
export function statsFromCsv(csv: string): StatsAnswer {
  const lines = csv.trim().split('\n').filter((l) => !l.startsWith('#'));
  const [header, ...rest] = lines.map((l) => l.split(','));
  const byLanguage: Record<string, Figures> = {};
  let totals: Figures | undefined;
  for (const [name, ...cells] of rest) {
    const f = Object.fromEntries(header.slice(1).map((m, i) => [m, cells[i] === '*' ? null : Number(cells[i])])) as Figures;
    if (name === 'total') totals = f;
    else byLanguage[name] = f;
  }
  return { totals: totals!, byLanguage };
}
