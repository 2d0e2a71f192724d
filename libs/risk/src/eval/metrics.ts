/** Precision/recall of the detectors over labelled sets. Shared by eval/main.ts and the unit-test gate. */
import { detectRisk, detectRiskLexicon, MODEL_THRESHOLDS, predictRisk } from '../index';
import { RISK_CATEGORIES, type RiskCategory, type RiskLanguage } from '../types';
import { EN_DATASET, EN_HOLDOUT } from './dataset/en';
import { PL_DATASET, PL_HOLDOUT } from './dataset/pl';
import { UK_DATASET, UK_HOLDOUT } from './dataset/uk';
import type { EvalCase } from './dataset/types';

/** The labelled sets the lexicon was tuned on (and that the unit-test gate uses). */
export const DATASETS: Record<RiskLanguage, readonly EvalCase[]> = { pl: PL_DATASET, uk: UK_DATASET, en: EN_DATASET };
/** Sentences written after the lexicon and never tuned on: the honest estimate. */
export const HOLDOUTS: Record<RiskLanguage, readonly EvalCase[]> = { pl: PL_HOLDOUT, uk: UK_HOLDOUT, en: EN_HOLDOUT };

/** What a detector says about one message: a category and the code of its reason, or null. */
export type Detector = (text: string, language: RiskLanguage) => { category: RiskCategory; ruleId: string } | null;

/**
 * The lexicon alone; the model alone at its banner threshold; the combination as it ships (the lexicon, then the
 * model: every flag a counsellor sees, advisory ones included); and the part of the combination that raises priority
 * (the lexicon, and the model's flags at or above its priority threshold).
 */
export const DETECTORS: Record<'lexicon' | 'model' | 'combination' | 'priority', Detector> = {
  lexicon: detectRiskLexicon,
  model: (text, language) => {
    const p = predictRisk(text, language);
    return p && p.probability >= MODEL_THRESHOLDS[language] ? { category: p.category, ruleId: `model.${language}.${p.category}` } : null;
  },
  combination: detectRisk,
  priority: (text, language) => {
    const match = detectRisk(text, language);
    return match && !match.advisory ? match : null;
  },
};

export interface Miss {
  /** Position of the case in the set evaluated (or a label such as "c12" given by the caller). */
  readonly index: number | string;
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
  readonly otherCategory: readonly { index: number | string; expected?: RiskCategory; got: RiskCategory }[];
  /** confusion[expected][predicted] with 'none' for no flag / no threat. */
  readonly confusion: Record<RiskCategory | 'none', Record<RiskCategory | 'none', number>>;
}

export type Label = RiskCategory | 'none';
export const LABELS: readonly Label[] = ['none', ...RISK_CATEGORIES];

export const ratio = (a: number, b: number, empty = 1): number => (b === 0 ? empty : a / b);
export const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function emptyConfusion(): LanguageReport['confusion'] {
  return Object.fromEntries(LABELS.map((e) => [e, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as LanguageReport['confusion'];
}

export function evaluate(
  language: RiskLanguage,
  cases: readonly EvalCase[] = DATASETS[language],
  detector: Detector = detectRisk,
  names?: readonly (number | string)[],
): LanguageReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const falseNegatives: Miss[] = [];
  const falsePositives: Miss[] = [];
  const otherCategory: { index: number | string; expected?: RiskCategory; got: RiskCategory }[] = [];
  const confusion = emptyConfusion();
  cases.forEach((c, i) => {
    const index = names?.[i] ?? i;
    const match = detector(c.text, language);
    confusion[c.threat ? (c.category ?? 'immediate-danger') : 'none'][match?.category ?? 'none'] += 1;
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
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { language, total: cases.length, threats: tp + fn, tp, fp, fn, tn, precision, recall, f1: f1Of(precision, recall), falseNegatives, falsePositives, otherCategory, confusion };
}

/** Per category, from a confusion table: a flag of the right category counts; any other outcome does not. */
export function perCategory(report: LanguageReport): { category: RiskCategory; support: number; precision: number; recall: number; f1: number }[] {
  return RISK_CATEGORIES.map((category) => {
    const tp = report.confusion[category][category];
    const support = LABELS.reduce((sum, p) => sum + report.confusion[category][p], 0);
    const flagged = LABELS.reduce((sum, e) => sum + report.confusion[e][category], 0);
    const precision = ratio(tp, flagged);
    const recall = ratio(tp, support);
    return { category, support, precision, recall, f1: f1Of(precision, recall) };
  });
}
