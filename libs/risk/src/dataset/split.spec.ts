/** The corpus split: fixed by the text, stable as the corpus grows, and held-out sentences never trained on. */
import { HOLDOUTS } from '../eval/metrics';
import type { RiskLanguage } from '../types';
import { buildPools } from './pools';
import { skeletonKey, splitCases, splitHash, splitOf } from './split';

const LANGUAGES: RiskLanguage[] = ['pl', 'uk', 'en'];

describe('corpus split', () => {
  const many = Array.from({ length: 4000 }, (_, i) => ({ text: `zdanie numer ${i} o niczym`, threat: i % 2 === 0, category: 'weapon' as const }));

  it('is about 70 / 15 / 15 and the same on every run', () => {
    const split = splitCases(many, 'pl');
    expect(split.train.length / many.length).toBeCloseTo(0.7, 1);
    expect(split.validation.length / many.length).toBeCloseTo(0.15, 1);
    expect(split.heldout.length / many.length).toBeCloseTo(0.15, 1);
    expect(splitCases(many, 'pl')).toEqual(split);
  });

  it('puts spellings with one skeleton together, and a sentence stays put when others are added', () => {
    expect(splitOf('Zabiję cię!!!', 'pl')).toBe(splitOf('zabije cie', 'pl'));
    expect(splitOf("вб'ю", 'uk')).toBe(splitOf('vbyu', 'uk'));
    const before = splitCases(many.slice(0, 100), 'pl');
    const after = splitCases(many, 'pl');
    for (const c of before.heldout) expect(after.heldout).toContainEqual(c);
  });

  it('fingerprints a split independently of order, and sees a changed label', () => {
    const cases = many.slice(0, 50);
    expect(splitHash([...cases].reverse(), 'pl')).toBe(splitHash(cases, 'pl'));
    const relabelled = cases.map((c, i) => (i === 3 ? { ...c, threat: !c.threat } : c));
    expect(splitHash(relabelled, 'pl')).not.toBe(splitHash(cases, 'pl'));
  });

  it.each(LANGUAGES)('%s: no *_HOLDOUT sentence, and no skeleton twice, in any pool', (language) => {
    const pools = buildPools(language);
    const banned = new Set(HOLDOUTS[language].map((c) => skeletonKey(c.text, language)));
    const keys = [...pools.train, ...pools.validation, ...pools.heldout].map((c) => skeletonKey(c.text, language));
    for (const key of keys) expect(banned.has(key)).toBe(false);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps a sentence that repeats a held-out one out of training, whatever its source', () => {
    const holdout = [{ text: 'On ma siekierę', threat: true, category: 'weapon' as const }];
    const pools = buildPools('pl', [{ text: 'on ma SIEKIERE!', threat: true, category: 'weapon' }], [{ text: 'on ma siekiere', threat: true, category: 'weapon' }], holdout);
    expect(pools.train.length + pools.validation.length + pools.heldout.length).toBe(0);
    expect(pools.dropped).toBe(2);
  });
});
