import fc from 'fast-check';
import { recoverHidden, statsEquations, type Sum } from '../../../test/support/stats-attacker';
import { protectTable } from './complementary';
import { publishStats, STATS_MEASURES, type Figures, type RawStats } from './stats-table';

const KINDS = ['emergency', 'police', 'mobile-team', 'crisis-room', 'shelter', 'crisis-intervention-centre', 'hotline', 'legal-aid', 'child-protection'];
const noKinds = Object.fromEntries(KINDS.map((k) => [k, 0]));
const row = (answered: number, abandoned: number, escalated = 0): Figures<number> => ({ contacts: answered + abandoned, answered, abandoned, escalated });
const empty = row(0, 0);

/** Every figure the attacker works out from what `publishStats` shows. */
const attack = (raw: RawStats, minCell: number) => {
  const { published, sums } = statsEquations(publishStats(raw, minCell));
  return recoverHidden(published, sums);
};

describe('publishStats: complementary suppression', () => {
  it('the attacker does work out a hidden count from cell-by-cell suppression (6 pl, 0 uk, 1 en, STATS_MIN_CELL=5)', () => {
    // the answer as it was published before complementary suppression
    const before = {
      totals: { contacts: 7, answered: 7, abandoned: 0, escalated: 0 },
      byLanguage: { pl: { contacts: 6, answered: 6, abandoned: 0, escalated: 0 }, uk: { contacts: 0, answered: 0, abandoned: 0, escalated: 0 }, en: { contacts: null, answered: null, abandoned: 0, escalated: 0 } },
    };
    const { published, sums } = statsEquations(before);
    expect(recoverHidden(published, sums)).toEqual({ 'en.contacts': 1, 'en.answered': 1 });
  });

  it('hides more than the one English contact, so that 7 − 6 − 0 no longer gives it away', () => {
    const raw = { byLanguage: { pl: row(6, 0), uk: empty, en: row(1, 0) }, escalationsByKind: noKinds };
    const shown = publishStats(raw, 5);
    expect(shown.byLanguage.en.contacts).toBeNull();
    expect(shown.byLanguage.pl.contacts).toBe(6); // the large count stays
    expect(attack(raw, 5)).toEqual({});
  });

  it("the project's e2e fixture: 1 uk, 7 en, escalations 3 emergency + 1 crisis centre, STATS_MIN_CELL=3", () => {
    const raw = {
      byLanguage: { pl: empty, uk: row(0, 1), en: row(4, 3, 4) },
      escalationsByKind: { ...noKinds, emergency: 3, 'crisis-intervention-centre': 1 },
    };
    const shown = publishStats(raw, 3);
    expect(shown.byLanguage.uk.contacts).toBeNull();
    expect(shown.escalationsByKind['crisis-intervention-centre']).toBeNull();
    expect(shown.totals.contacts).toBe(8);
    expect(attack(raw, 3)).toEqual({});
  });

  it('publishes everything when nothing is small, and a table of zeros as zeros', () => {
    const big = { byLanguage: { pl: row(9, 7, 5), uk: row(12, 6, 8), en: row(5, 5, 5) }, escalationsByKind: { ...noKinds, police: 10, emergency: 8 } };
    expect(publishStats(big, 5)).toEqual({
      totals: row(26, 18, 18),
      byLanguage: big.byLanguage,
      escalationsByKind: big.escalationsByKind,
    });
    expect(publishStats({ byLanguage: { pl: empty, uk: empty, en: empty }, escalationsByKind: noKinds }, 5).totals).toEqual(empty);
  });

  /** Random logs: per language answered/abandoned/escalated; kinds that often add up to the escalated total, as they usually do. */
  const small = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 30 }));
  const rawStats = fc.record({
    languages: fc.array(fc.record({ answered: small, abandoned: small, escalatedShare: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 4 }),
    kinds: fc.array(small, { minLength: 0, maxLength: 9 }),
    kindsAddUp: fc.boolean(),
  }).map(({ languages, kinds, kindsAddUp }): RawStats => {
    const byLanguage = Object.fromEntries(languages.map((l, i) => [`l${i}`, row(l.answered, l.abandoned, Math.floor(l.answered * l.escalatedShare))]));
    const escalated = Object.values(byLanguage).reduce((s, f) => s + f.escalated, 0);
    let counts = kinds;
    if (kindsAddUp && kinds.length > 0) {
      // split the escalated total over the kinds, as when every escalation names exactly one kind
      let left = escalated;
      counts = kinds.map((k, i) => { const take = i === kinds.length - 1 ? left : Math.min(left, k); left -= take; return take; });
    }
    return { byLanguage, escalationsByKind: Object.fromEntries(counts.map((c, i) => [`k${i}`, c])) };
  });
  const minCell = fc.integer({ min: 1, max: 12 });

  it('property: no hidden figure can be worked out from one answer (by its sums, or a sum left at 0), for any table and STATS_MIN_CELL', () => {
    fc.assert(fc.property(rawStats, minCell, (raw, min) => {
      const shown = publishStats(raw, min);
      const { published, sums } = statsEquations(shown);
      expect(recoverHidden(published, sums)).toEqual({});
    }), { numRuns: 400 });
  });

  it('property: every small count is hidden, and every figure shown is the true one', () => {
    fc.assert(fc.property(rawStats, minCell, (raw, min) => {
      const shown = publishStats(raw, min);
      const truth = { ...raw.byLanguage, total: Object.fromEntries(STATS_MEASURES.map((m) => [m, Object.values(raw.byLanguage).reduce((s, f) => s + f[m], 0)])) };
      const pairs: [number, number | null][] = [
        ...Object.entries(truth).flatMap(([l, f]) => STATS_MEASURES.map((m): [number, number | null] => [f[m], l === 'total' ? shown.totals[m] : shown.byLanguage[l][m]])),
        ...Object.entries(raw.escalationsByKind).map(([k, n]): [number, number | null] => [n, shown.escalationsByKind[k]]),
      ];
      for (const [actual, published] of pairs) {
        if (actual > 0 && actual < min) expect(published).toBeNull();
        if (published !== null) expect(published).toBe(actual);
      }
    }), { numRuns: 400 });
  });
});

describe('protectTable: any two-way table with margins', () => {
  it('property: no hidden cell of an r × c table with row, column and grand totals can be worked out (sums, or a sum left at 0)', () => {
    const table = fc.integer({ min: 1, max: 5 }).chain((cols) => fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 })), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 5 }));
    fc.assert(fc.property(table, fc.integer({ min: 1, max: 10 }), (grid, min) => {
      const cells = new Map<string, number>();
      const rowTotal = (r: number) => grid[r].reduce((s, v) => s + v, 0);
      grid.forEach((values, r) => { values.forEach((v, c) => cells.set(`${r}:${c}`, v)); cells.set(`${r}:T`, rowTotal(r)); });
      grid[0].forEach((_, c) => cells.set(`T:${c}`, grid.reduce((s, values) => s + values[c], 0)));
      cells.set('T:T', grid.reduce((s, _, r) => s + rowTotal(r), 0));
      const cols = [...grid[0].keys()].map(String);
      const rows = [...grid.keys()].map(String);
      const sums: Sum[] = [
        ...[...rows, 'T'].map((r) => ({ total: `${r}:T`, parts: cols.map((c) => `${r}:${c}`) })),
        ...[...cols, 'T'].map((c) => ({ total: `T:${c}`, parts: rows.map((r) => `${r}:${c}`) })),
      ];
      const shown = protectTable({ cells, relations: sums }, min);
      expect(recoverHidden(Object.fromEntries(shown), sums)).toEqual({});
    }), { numRuns: 300 });
  });
});
