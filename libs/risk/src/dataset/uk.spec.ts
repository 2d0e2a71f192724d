/** Shape of the Ukrainian labelled corpus: size, balance, labels, informal share, no repeats. */
import { UK_DATASET, UK_HOLDOUT } from '../eval/dataset/uk';
import { RISK_CATEGORIES } from '../types';
import { UK_CORPUS } from './uk';

const NEGATIVE_KINDS = ['hyperbole', 'past-calm', 'law-question', 'counsellor', 'media', 'everyday'];

/** Texts that differ only in letter case or surrounding spaces count as the same sentence. */
const key = (text: string): string => text.trim().toLowerCase();

describe('uk corpus', () => {
  it('has at least 400 sentences', () => {
    expect(UK_CORPUS.length).toBeGreaterThanOrEqual(400);
  });

  it('labels every threat with a category and the kind "threat"', () => {
    for (const c of UK_CORPUS.filter((c) => c.threat)) {
      expect(RISK_CATEGORIES).toContain(c.category);
      expect(c.kind).toBe('threat');
    }
  });

  it('has at least 25 threats in every category', () => {
    const count = (category: string): number => UK_CORPUS.filter((c) => c.threat && c.category === category).length;
    expect(RISK_CATEGORIES.filter((category) => count(category) < 25)).toEqual([]);
  });

  it('gives every non-threat a negative kind and no category', () => {
    for (const c of UK_CORPUS.filter((c) => !c.threat)) {
      expect(NEGATIVE_KINDS).toContain(c.kind);
      expect(c.category).toBeUndefined();
    }
  });

  it('is at least 30% informal writing', () => {
    expect(UK_CORPUS.filter((c) => c.informal).length / UK_CORPUS.length).toBeGreaterThanOrEqual(0.3);
  });

  it('has no duplicate texts after lower-casing', () => {
    const seen = new Set<string>();
    const repeated = UK_CORPUS.map((c) => key(c.text)).filter((k) => seen.size === seen.add(k).size);
    expect(repeated).toEqual([]);
  });

  it('copies no sentence of the lexicon evaluation set (that set must stay independent)', () => {
    const evaluation = new Set([...UK_DATASET, ...UK_HOLDOUT].map((c) => key(c.text)));
    expect(UK_CORPUS.map((c) => c.text).filter((text) => evaluation.has(key(text)))).toEqual([]);
  });
});
