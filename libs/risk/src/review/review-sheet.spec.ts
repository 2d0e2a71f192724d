/** The clinicians' review sheet: every rule appears, fields are escaped, every flag and miss is there. */
import { PL_LEXICON } from '../lexicon/pl';
import { COLUMNS, csvField, reviewCsv, reviewRows } from './review-sheet';

describe('review sheet', () => {
  it('quotes every field and doubles quotes, keeping commas and line breaks inside', () => {
    expect(csvField('a "b", c\nd')).toBe('"a ""b"", c\nd"');
  });

  it('lists every rule of the lexicon, its examples and false positives, the model flags and the misses', () => {
    const rows = reviewRows('pl');
    const rules = rows.filter((r) => r.outcome === 'rule').map((r) => r.rule_id);
    expect(rules).toEqual(PL_LEXICON.rules.map((r) => r.id));
    expect(rows.some((r) => r.outcome === 'false-positive' && r.rule_id.startsWith('pl.'))).toBe(true);
    expect(rows.some((r) => r.rule_id.startsWith('model.pl.') && r.probability !== '')).toBe(true);
    expect(rows.some((r) => r.outcome === 'missed' && r.rule_id === '')).toBe(true);
    for (const r of rows.filter((x) => x.outcome !== 'rule')) expect(['corpus', 'dataset', 'holdout', 'supplement', 'ordinary-train', 'ordinary-validation']).toContain(r.source);
    for (const r of rows.filter((x) => x.rule_id.startsWith('model.'))) expect(['priority', 'advisory']).toContain(r.level);
    expect(rows.some((r) => r.source === 'supplement')).toBe(true);
  });

  it('writes a header and one line per row', () => {
    const csv = reviewCsv('en');
    expect(csv.split('\r\n')[0]).toBe(COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
