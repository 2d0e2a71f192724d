/**
 * Baseline for the training report: multinomial naive Bayes on the same hashed features, "risk" against "none"
 * (Laplace smoothing). Not shipped; it shows whether the logistic regression earns its place on validation.
 */
import { hashFeatures, readFeatures } from './features';
import type { Example } from './example';

export interface NaiveBayes {
  /** log P(bucket | risk) - log P(bucket | none), per bucket. */
  readonly ratio: Map<number, number>;
  readonly prior: number;
  readonly unseen: number;
}

export function trainNaiveBayes(examples: readonly Example[], bits: number): NaiveBayes {
  const counts = [new Map<number, number>(), new Map<number, number>()];
  const totals = [0, 0];
  const docs = [0, 0];
  for (const e of examples) {
    const side = e.label === 'none' ? 0 : 1;
    docs[side] += 1;
    const { n } = hashFeatures(e.normalised, bits);
    readFeatures(n, (bucket, count) => {
      counts[side].set(bucket, (counts[side].get(bucket) ?? 0) + count);
      totals[side] += count;
    });
  }
  const vocabulary = new Set([...counts[0].keys(), ...counts[1].keys()]).size + 1;
  const logP = (side: number, c: number): number => Math.log((c + 1) / (totals[side] + vocabulary));
  const ratio = new Map<number, number>();
  for (const bucket of [...new Set([...counts[0].keys(), ...counts[1].keys()])].sort((a, b) => a - b)) {
    ratio.set(bucket, logP(1, counts[1].get(bucket) ?? 0) - logP(0, counts[0].get(bucket) ?? 0));
  }
  return { ratio, prior: Math.log((docs[1] + 1) / (docs[0] + 1)), unseen: logP(1, 0) - logP(0, 0) };
}

/** Log-odds of risk for one normalised example. */
export function naiveBayesScore(model: NaiveBayes, normalised: string, bits: number): number {
  let score = model.prior;
  const { n } = hashFeatures(normalised, bits);
  readFeatures(n, (bucket, count) => {
    score += count * (model.ratio.get(bucket) ?? model.unseen);
  });
  return score;
}

/** Area under the ROC curve: the chance that a random threat scores above a random non-threat. */
export function auc(scored: readonly { score: number; threat: boolean }[]): number {
  let wins = 0;
  let pairs = 0;
  for (const a of scored) {
    if (!a.threat) continue;
    for (const b of scored) {
      if (b.threat) continue;
      pairs += 1;
      wins += a.score > b.score ? 1 : a.score === b.score ? 0.5 : 0;
    }
  }
  return pairs === 0 ? Number.NaN : wins / pairs;
}
