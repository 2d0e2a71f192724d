/** Precision/recall of detectRisk over the labelled sets. Shared by eval/main.ts and the unit-test gate. */
import { detectRisk } from '../index';
import type { RiskCategory, RiskLanguage } from '../types';
import { EN_DATASET, EN_HOLDOUT } from './dataset/en';
import { PL_DATASET, PL_HOLDOUT } from './dataset/pl';
import { UK_DATASET, UK_HOLDOUT } from './dataset/uk';
import type { EvalCase } from './dataset/types';

/** The labelled sets the lexicon was tuned on (and that the unit-test gate uses). */
export const DATASETS: Record<RiskLanguage, readonly EvalCase[]> = { pl: PL_DATASET, uk: UK_DATASET, en: EN_DATASET };
/** Sentences written after the lexicon and never tuned on: the honest estimate. */
export const HOLDOUTS: Record<RiskLanguage, readonly EvalCase[]> = { pl: PL_HOLDOUT, uk: UK_HOLDOUT, en: EN_HOLDOUT };

export interface Miss {
  readonly index: number;
  /** Expected category for a false negative, detected category (and rule) for a false positive. */
  readonly category?: RiskCategory;
  readonly ruleId?: string;
}

export interface LanguageReport {
  readonly language: RiskLanguage;
  readonly total: number;
  readonly threats: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly falseNegatives: readonly Miss[];
  readonly falsePositives: readonly Miss[];
  /** Threats flagged, but under another category than the label (informational). */
  readonly otherCategory: readonly { index: number; expected?: RiskCategory; got: RiskCategory }[];
}

export function evaluate(language: RiskLanguage, cases: readonly EvalCase[] = DATASETS[language]): LanguageReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const falseNegatives: Miss[] = [];
  const falsePositives: Miss[] = [];
  const otherCategory: { index: number; expected?: RiskCategory; got: RiskCategory }[] = [];
  cases.forEach((c, index) => {
    const match = detectRisk(c.text, language);
    if (c.threat && match) {
      tp += 1;
      if (c.category && match.category !== c.category) otherCategory.push({ index, expected: c.category, got: match.category });
    } else if (c.threat) {
      fn += 1;
      falseNegatives.push({ index, category: c.category });
    } else if (match) {
      fp += 1;
      falsePositives.push({ index, category: match.category, ruleId: match.ruleId });
    } else tn += 1;
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { language, total: cases.length, threats: tp + fn, tp, fp, fn, tn, precision, recall, f1, falseNegatives, falsePositives, otherCategory };
}
