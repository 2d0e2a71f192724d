import { protectTable, type Relation } from './complementary';

export const STATS_MEASURES = ['contacts', 'answered', 'abandoned', 'escalated'] as const;
export type StatsMeasure = (typeof STATS_MEASURES)[number];
export type Figures<T> = Record<StatsMeasure, T>;

/** The counts of one date range, straight from the anonymised log. */
export interface RawStats {
  byLanguage: Record<string, Figures<number>>;
  escalationsByKind: Record<string, number>;
}

/** What `GET /api/stats` and its CSV publish: `null` is a hidden figure. */
export interface PublishedStats {
  totals: Figures<number | null>;
  byLanguage: Record<string, Figures<number | null>>;
  escalationsByKind: Record<string, number | null>;
}

/**
 * Every published figure of the statistics goes through here, so that the answer and every
 * export hide the same cells. The table holds the relations a reader knows or may assume:
 * - each measure's total is the sum over languages;
 * - in every row, contacts = answered + abandoned (the log marks each contact one or the other);
 * - the escalated total is the sum over kinds of service. This is not an identity (a contact can
 *   be escalated to two kinds, or have the outcome "escalated" with no service), but it is what
 *   usually holds, so the kinds are protected as if a reader could rely on it.
 * escalated ≤ answered is an inequality, not an equation: the exact-derivation check leaves it out.
 * A new breakdown joins this table with its own relations, never a path of its own.
 */
export function publishStats(raw: RawStats, minCell: number): PublishedStats {
  const languages = Object.keys(raw.byLanguage);
  const kinds = Object.keys(raw.escalationsByKind);
  const rowKeys = [...languages, 'total'];
  const key = (row: string, m: StatsMeasure) => `${row}.${m}`;
  const kindKey = (k: string) => `kind.${k}`;

  const cells = new Map<string, number>();
  for (const l of languages) for (const m of STATS_MEASURES) cells.set(key(l, m), raw.byLanguage[l][m]);
  for (const m of STATS_MEASURES) cells.set(key('total', m), languages.reduce((sum, l) => sum + raw.byLanguage[l][m], 0));
  for (const k of kinds) cells.set(kindKey(k), raw.escalationsByKind[k]);

  const relations: Relation[] = [
    ...STATS_MEASURES.map((m) => ({ total: key('total', m), parts: languages.map((l) => key(l, m)) })),
    ...rowKeys.map((r) => ({ total: key(r, 'contacts'), parts: [key(r, 'answered'), key(r, 'abandoned')] })),
    { total: key('total', 'escalated'), parts: kinds.map(kindKey) },
  ];
  const shown = protectTable({ cells, relations }, minCell);
  const figures = (row: string) => Object.fromEntries(STATS_MEASURES.map((m) => [m, shown.get(key(row, m))!])) as Figures<number | null>;
  return {
    totals: figures('total'),
    byLanguage: Object.fromEntries(languages.map((l) => [l, figures(l)])),
    escalationsByKind: Object.fromEntries(kinds.map((k) => [k, shown.get(kindKey(k))!])),
  };
}
