/**
 * Sentences the model trains on and nothing judges it on, per language: the training supplement (supplement/,
 * threats and look-alikes written after the split was fixed) and the ordinary first messages (ordinary/, their
 * `train` part). They stay out of the hash split of split.ts so that the validation and held-out sets, and their
 * fingerprints, are exactly what they were before these sentences existed. A sentence with the skeleton of anything
 * the model is validated or judged on is left out (and a unit test keeps that count at zero).
 */
import { ORDINARY_OPENINGS } from '../eval/ordinary-openings';
import type { RiskLanguage } from '../types';
import { EN_ORDINARY } from './ordinary/en';
import { PL_ORDINARY } from './ordinary/pl';
import type { OrdinarySet } from './ordinary/types';
import { UK_ORDINARY } from './ordinary/uk';
import { buildPools, HOLDOUTS } from './pools';
import { skeletonKey, type Labelled } from './split';
import { EN_SUPPLEMENT } from './supplement/en';
import { PL_SUPPLEMENT } from './supplement/pl';
import { UK_SUPPLEMENT } from './supplement/uk';
import type { CorpusCase } from './types';

export const SUPPLEMENTS: Record<RiskLanguage, readonly CorpusCase[]> = { pl: PL_SUPPLEMENT, uk: UK_SUPPLEMENT, en: EN_SUPPLEMENT };
export const ORDINARY: Record<RiskLanguage, OrdinarySet> = { pl: PL_ORDINARY, uk: UK_ORDINARY, en: EN_ORDINARY };

/** Skeletons the model is validated or judged on: validation and held-out pools, `*_HOLDOUT`, both ordinary checks. */
export function judgedSkeletons(language: RiskLanguage): Set<string> {
  const pools = buildPools(language);
  const texts = [
    ...[...pools.validation, ...pools.heldout, ...HOLDOUTS[language]].map((c) => c.text),
    ...ORDINARY[language].validation,
    ...ORDINARY_OPENINGS[language],
  ];
  return new Set(texts.map((text) => skeletonKey(text, language)));
}

export interface TrainOnly {
  readonly cases: readonly Labelled[];
  /** Left out because they repeat something the model is judged on (expected: 0). */
  readonly dropped: number;
}

export function trainOnly(language: RiskLanguage): TrainOnly {
  const judged = judgedSkeletons(language);
  const all: Labelled[] = [...SUPPLEMENTS[language], ...ORDINARY[language].train.map((text) => ({ text, threat: false }))];
  const cases = all.filter((c) => !judged.has(skeletonKey(c.text, language)));
  return { cases, dropped: all.length - cases.length };
}
