/**
 * Shape of the Polish and English labelled corpora: size, balance, labels, informal share, no repeats.
 * It imports only pl and en: the Ukrainian corpus has its own spec (uk.spec.ts) with the same checks.
 */
import { EN_DATASET, EN_HOLDOUT } from '../eval/dataset/en';
import { PL_DATASET, PL_HOLDOUT } from '../eval/dataset/pl';
import type { EvalCase } from '../eval/dataset/types';
import { RISK_CATEGORIES } from '../types';
import { EN_CORPUS } from './en';
import { PL_CORPUS } from './pl';
import type { CorpusCase } from './types';

const NEGATIVE_KINDS = ['hyperbole', 'past-calm', 'law-question', 'counsellor', 'media', 'everyday'];

/** Texts that differ only in letter case or surrounding spaces count as the same sentence. */
const key = (text: string): string => text.trim().toLowerCase();

const LANGUAGES: [string, readonly CorpusCase[], readonly EvalCase[]][] = [
  ['pl', PL_CORPUS, [...PL_DATASET, ...PL_HOLDOUT]],
  ['en', EN_CORPUS, [...EN_DATASET, ...EN_HOLDOUT]],
];

describe.each(LANGUAGES)('%s corpus', (_language, corpus, evaluation) => {
  it('has at least 400 sentences', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
  });

  it('labels every threat with a category and the kind "threat"', () => {
    for (const c of corpus.filter((c) => c.threat)) {
      expect(RISK_CATEGORIES).toContain(c.category);
      expect(c.kind).toBe('threat');
    }
  });

  it('has at least 25 threats in every category', () => {
    const count = (category: string): number => corpus.filter((c) => c.threat && c.category === category).length;
    expect(RISK_CATEGORIES.filter((category) => count(category) < 25)).toEqual([]);
  });

  it('gives every non-threat a negative kind and no category', () => {
    for (const c of corpus.filter((c) => !c.threat)) {
      expect(NEGATIVE_KINDS).toContain(c.kind);
      expect(c.category).toBeUndefined();
    }
  });

  it('is at least 30% informal writing', () => {
    expect(corpus.filter((c) => c.informal).length / corpus.length).toBeGreaterThanOrEqual(0.3);
  });

  it('has no duplicate texts after lower-casing', () => {
    const seen = new Set<string>();
    const repeated = corpus.map((c) => key(c.text)).filter((k) => seen.size === seen.add(k).size);
    expect(repeated).toEqual([]);
  });

  it('copies no sentence of the lexicon evaluation set (that set must stay independent)', () => {
    const evaluated = new Set(evaluation.map((c) => key(c.text)));
    expect(corpus.map((c) => c.text).filter((text) => evaluated.has(key(text)))).toEqual([]);
  });
});
