/**
 * Which labelled sentences the model may learn from, tune on and be judged on, per language:
 * - the corpus (dataset/<lang>.ts) is split by split.ts: 70% train, 15% validation, 15% held-out;
 * - the eval dataset's labelled set (eval/dataset, the lexicon was tuned on it) goes to training, except its own
 *   validation bucket (the same hash rule), which joins validation;
 * - the eval dataset's `*_HOLDOUT` sentences are never trained or tuned on: a sentence of either source with the
 *   same skeleton as a held-out one is dropped, and so is a dataset sentence that the corpus also has (the
 *   corpus copy decides its split), so no skeleton sits on both sides of a line.
 * Every case keeps its source and index, so reports can name it without quoting it.
 */
import { EN_DATASET, EN_HOLDOUT } from '../eval/dataset/en';
import { PL_DATASET, PL_HOLDOUT } from '../eval/dataset/pl';
import { UK_DATASET, UK_HOLDOUT } from '../eval/dataset/uk';
import type { RiskLanguage } from '../types';
import { EN_CORPUS } from './en';
import { PL_CORPUS } from './pl';
import { skeletonKey, splitOf, type Labelled, type SplitName } from './split';
import { UK_CORPUS } from './uk';
import type { CorpusCase } from './types';

export const CORPORA: Record<RiskLanguage, readonly CorpusCase[]> = { pl: PL_CORPUS, uk: UK_CORPUS, en: EN_CORPUS };
const DATASETS: Record<RiskLanguage, readonly Labelled[]> = { pl: PL_DATASET, uk: UK_DATASET, en: EN_DATASET };
export const HOLDOUTS: Record<RiskLanguage, readonly Labelled[]> = { pl: PL_HOLDOUT, uk: UK_HOLDOUT, en: EN_HOLDOUT };

export interface PooledCase extends Labelled {
  readonly source: 'corpus' | 'dataset';
  /** Index into CORPORA[lang] or DATASETS[lang]. */
  readonly index: number;
}

export interface Pools {
  readonly train: readonly PooledCase[];
  readonly validation: readonly PooledCase[];
  /** Corpus held-out split only. */
  readonly heldout: readonly PooledCase[];
  /** Sentences left out because they repeat a `*_HOLDOUT` sentence (or repeat one another). */
  readonly dropped: number;
}

export function buildPools(
  language: RiskLanguage,
  corpus: readonly Labelled[] = CORPORA[language],
  dataset: readonly Labelled[] = DATASETS[language],
  holdout: readonly Labelled[] = HOLDOUTS[language],
): Pools {
  const banned = new Set(holdout.map((c) => skeletonKey(c.text, language)));
  const seen = new Set<string>();
  const pools: Record<SplitName, PooledCase[]> = { train: [], validation: [], heldout: [] };
  let dropped = 0;
  const add = (c: Labelled, source: PooledCase['source'], index: number): void => {
    const key = skeletonKey(c.text, language);
    if (key.length === 0 || banned.has(key) || seen.has(key)) {
      dropped += 1;
      return;
    }
    seen.add(key);
    const split = splitOf(c.text, language);
    const pool = source === 'dataset' && split === 'heldout' ? 'train' : split;
    pools[pool].push({ text: c.text, threat: c.threat, category: c.category, source, index });
  };
  corpus.forEach((c, i) => add(c, 'corpus', i));
  dataset.forEach((c, i) => add(c, 'dataset', i));
  return { ...pools, dropped };
}
