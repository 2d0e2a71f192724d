/**
 * The model's two thresholds, chosen on validation data only (never on a held-out set or the ordinary openings of
 * eval/ordinary-openings.ts):
 * - `threshold`: from here up the model's flag shows the counsellor a banner. Chosen for the combination that ships
 *   (the lexicon first, then the model) to reach the recall goal with the best precision;
 * - `priorityThreshold`: from here up the flag also moves the person ahead in the line and alerts the duty manager,
 *   as a lexicon rule does. Chosen so that the model's own flags there are as precise as the goal asks and it leaves
 *   ordinary first messages alone; `null` when no threshold does both: then the model of that language never raises
 *   priority, only banners. Between the two the flag is advisory.
 */
import { loadModel, predict, type ModelFile } from './classifier';
import type { Example } from './example';

/** The recall the banner threshold aims at on validation (the project's goal for held-out recall). */
export const RECALL_GOAL = 0.85;

/** How precise the model's own flags (those no rule raised) must be on validation to raise priority. */
export const PRIORITY_PRECISION = 0.85;
/** At least this many of the model's own flags on validation, so that the precision above is not one lucky guess. */
export const PRIORITY_MIN_FLAGS = 5;
/** At most this share of the ordinary validation messages may reach the priority threshold. */
export const PRIORITY_ORDINARY_SHARE = 0.02;

export interface ThresholdChoice {
  readonly threshold: number;
  /** Of the combination (lexicon, then the model at this threshold) on the validation split. */
  readonly precision: number;
  readonly recall: number;
}

export interface PriorityChoice {
  readonly priorityThreshold: number | null;
  /** The model's own flags on validation at the priority threshold: threats and non-threats (0 when null). */
  readonly threats: number;
  readonly nonThreats: number;
  /** Ordinary validation messages at or above it. */
  readonly ordinary: number;
}

interface Scored {
  readonly risk: number;
  readonly threat: boolean;
  readonly lexicon: boolean;
}

function scoreAll(file: ModelFile, examples: readonly Example[], lexicon: readonly boolean[] = []): Scored[] {
  const model = loadModel(file);
  return examples.map((e, i) => ({ risk: predict(model, e.normalised)?.probability ?? 0, threat: e.label !== 'none', lexicon: lexicon[i] === true }));
}

/** 0.20, 0.25 … 0.95 (kept to two decimals, so the file holds 0.35 and not 0.35000000000000003). */
const GRID = Array.from({ length: 16 }, (_, i) => (20 + 5 * i) / 100);

/**
 * The banner threshold for the combination that ships — the lexicon first, then the model — on the validation split,
 * aimed at "recall ≥ RECALL_GOAL at the best precision": among the thresholds whose recall reaches it, the one with
 * the best precision (on a tie the higher threshold); if none does, the one with the best F1. `lexicon[i]` says
 * whether the lexicon flags validation example i. 0.5 without validation.
 */
export function chooseThreshold(file: ModelFile, validation: readonly Example[], lexicon: readonly boolean[]): ThresholdChoice {
  if (validation.length === 0) return { threshold: 0.5, precision: Number.NaN, recall: Number.NaN };
  const scored = scoreAll(file, validation, lexicon);
  const threats = scored.filter((s) => s.threat).length;
  const options = GRID.map((threshold) => {
    const flagged = scored.filter((s) => s.lexicon || s.risk >= threshold);
    const tp = flagged.filter((s) => s.threat).length;
    const precision = flagged.length === 0 ? 1 : tp / flagged.length;
    const recall = threats === 0 ? 1 : tp / threats;
    return { threshold, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  });
  const reaching = options.filter((o) => o.recall >= RECALL_GOAL);
  const pool = reaching.length > 0 ? reaching : options;
  const score = (o: (typeof options)[number]): number => (reaching.length > 0 ? o.precision : o.f1);
  const best = pool.reduce((a, b) => (score(b) >= score(a) ? b : a));
  return { threshold: best.threshold, precision: best.precision, recall: best.recall };
}

/**
 * The lowest threshold, from the banner threshold up to 0.95, at which (on validation) the model's own flags — on
 * sentences no rule flags — number at least PRIORITY_MIN_FLAGS and are at least PRIORITY_PRECISION threats, and at
 * most PRIORITY_ORDINARY_SHARE of the ordinary validation messages reach it; null when there is none.
 */
export function choosePriorityThreshold(
  file: ModelFile,
  validation: readonly Example[],
  lexicon: readonly boolean[],
  ordinary: readonly Example[],
): PriorityChoice {
  const scored = scoreAll(file, validation, lexicon).filter((s) => !s.lexicon);
  const quiet = scoreAll(file, ordinary);
  for (const t of GRID.filter((g) => g >= file.threshold)) {
    const own = scored.filter((s) => s.risk >= t);
    const threats = own.filter((s) => s.threat).length;
    const loud = quiet.filter((s) => s.risk >= t).length;
    if (own.length >= PRIORITY_MIN_FLAGS && threats / own.length >= PRIORITY_PRECISION && loud <= PRIORITY_ORDINARY_SHARE * quiet.length) {
      return { priorityThreshold: t, threats, nonThreats: own.length - threats, ordinary: loud };
    }
  }
  return { priorityThreshold: null, threats: 0, nonThreats: 0, ordinary: 0 };
}
