/**
 * Offline training of the statistical detector (never at run time): multi-class logistic regression by stochastic
 * gradient descent with AdaGrad steps and L2, over the hashed features of features.ts. Deterministic: the only
 * randomness is the order of examples, drawn from a seeded generator, and every sum runs in a fixed order, so the
 * same corpus, options and seed give the same bytes on any machine (see model.spec.ts).
 */
import { createHash } from 'node:crypto';
import { RISK_CATEGORIES, type RiskLanguage } from '../types';
import { encodeRows, type ModelClass, type ModelFile } from './classifier';
import type { Example } from './example';
import { featurize, type SparseVector } from './features';
import { choosePriorityThreshold, chooseThreshold, type PriorityChoice, type ThresholdChoice } from './threshold';

export const MODEL_CLASSES: readonly ModelClass[] = ['none', ...RISK_CATEGORIES];


export interface TrainOptions {
  readonly bits: number;
  readonly seed: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  /** A bucket must occur in this many training examples to get weights (rarer ones are noise and bytes). */
  readonly minCount: number;
  /** Release part of the version, bumped by hand like the lexicon's (`YYYY-MM-DD.N`). */
  readonly release: string;
}

export const DEFAULT_OPTIONS: TrainOptions = {
  bits: 18,
  seed: 20261207,
  epochs: 15,
  learningRate: 0.5,
  l2: 1e-3,
  minCount: 3,
  release: '2026-12-07.2',
};

/** mulberry32: a tiny seeded generator, good enough to shuffle. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Trained {
  readonly bias: Float64Array;
  /** Kept buckets, ascending, and their weights (`classes` per bucket). */
  readonly buckets: readonly number[];
  readonly weights: Float64Array;
}

export function trainSoftmax(examples: readonly Example[], options: TrainOptions): Trained {
  const k = MODEL_CLASSES.length;
  const vectors: SparseVector[] = examples.map((e) => featurize(e.normalised, options.bits));
  const labels = examples.map((e) => MODEL_CLASSES.indexOf(e.label));
  if (labels.some((l) => l < 0)) throw new Error('unknown label in the training set');
  const df = new Map<number, number>();
  for (const v of vectors) for (const b of v.index) df.set(b, (df.get(b) ?? 0) + 1);
  const buckets = [...df.entries()].filter(([, n]) => n >= options.minCount).map(([b]) => b).sort((a, b) => a - b);
  const compact = new Map(buckets.map((b, i) => [b, i]));
  const w = new Float64Array(buckets.length * k);
  const g2 = new Float64Array(buckets.length * k).fill(1e-8);
  const bias = new Float64Array(k);
  const biasG2 = new Float64Array(k).fill(1e-8);
  const rows = vectors.map((v) => {
    const idx: number[] = [];
    const val: number[] = [];
    v.index.forEach((b, i) => {
      const c = compact.get(b);
      if (c !== undefined) {
        idx.push(c * k);
        val.push(v.value[i]);
      }
    });
    return { idx, val };
  });
  const random = seeded(options.seed);
  const order = examples.map((_, i) => i);
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const e of order) {
      const { idx, val } = rows[e];
      for (let c = 0; c < k; c += 1) p[c] = bias[c];
      for (let f = 0; f < idx.length; f += 1) for (let c = 0; c < k; c += 1) p[c] += w[idx[f] + c] * val[f];
      softmaxInPlace(p);
      for (let c = 0; c < k; c += 1) {
        const err = p[c] - (labels[e] === c ? 1 : 0);
        biasG2[c] += err * err;
        bias[c] -= (options.learningRate * err) / Math.sqrt(biasG2[c]);
        for (let f = 0; f < idx.length; f += 1) {
          const at = idx[f] + c;
          const grad = err * val[f] + options.l2 * w[at];
          g2[at] += grad * grad;
          w[at] -= (options.learningRate * grad) / Math.sqrt(g2[at]);
        }
      }
    }
  }
  return { bias, buckets, weights: w };
}

function softmaxInPlace(p: Float64Array): void {
  let max = -Infinity;
  for (const v of p) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < p.length; c += 1) {
    p[c] = Math.exp(p[c] - max);
    sum += p[c];
  }
  for (let c = 0; c < p.length; c += 1) p[c] /= sum;
}

/** Weights to int8 with one scale; buckets whose row rounds to all zeros are dropped. */
function quantise(trained: Trained): { scale: number; rows: number[]; weights: Int8Array } {
  const k = MODEL_CLASSES.length;
  let max = 0;
  for (const v of trained.weights) max = Math.max(max, Math.abs(v));
  const scale = Number((max / 127 || 1).toPrecision(6));
  const rows: number[] = [];
  const out: number[] = [];
  trained.buckets.forEach((bucket, i) => {
    const q = Array.from({ length: k }, (_, c) => Math.max(-127, Math.min(127, Math.round(trained.weights[i * k + c] / scale))));
    if (q.every((v) => v === 0)) return;
    rows.push(bucket);
    out.push(...q);
  });
  return { scale, rows, weights: Int8Array.from(out) };
}

/** What one language's model is built from (model/training-set.ts gives it for the shipped models). */
export interface BuildInput {
  readonly train: readonly Example[];
  readonly validation: readonly Example[];
  /** Whether the lexicon flags each validation example. */
  readonly lexiconOnValidation: readonly boolean[];
  /** Ordinary messages never trained on, for the priority threshold. */
  readonly ordinaryValidation: readonly Example[];
  readonly splitHash: string;
}

/**
 * Trains one language's model and packs it as a model file, its banner and priority thresholds chosen on the
 * validation examples (threshold.ts). The version's hash covers the weights and both thresholds.
 */
export function buildModel(
  language: RiskLanguage,
  input: BuildInput,
  options: TrainOptions = DEFAULT_OPTIONS,
): { file: ModelFile; choice: ThresholdChoice; priority: PriorityChoice } {
  const trained = trainSoftmax(input.train, options);
  const q = quantise(trained);
  const rows = encodeRows(q.rows);
  const weights = Buffer.from(q.weights.buffer, q.weights.byteOffset, q.weights.byteLength).toString('base64');
  const bias = Array.from(trained.bias, (b) => Number(b.toFixed(6)));
  const base = { language, bits: options.bits, classes: MODEL_CLASSES, bias, scale: q.scale, rows, weights };
  const training = { seed: options.seed, examples: input.train.length, splitHash: input.splitHash };
  const draft: ModelFile = { ...base, version: '', threshold: 0.5, priorityThreshold: null, training };
  const choice = chooseThreshold(draft, input.validation, input.lexiconOnValidation);
  const priority = choosePriorityThreshold({ ...draft, threshold: choice.threshold }, input.validation, input.lexiconOnValidation, input.ordinaryValidation);
  const thresholds = { threshold: choice.threshold, priorityThreshold: priority.priorityThreshold };
  const digest = createHash('sha256').update(JSON.stringify({ ...base, ...thresholds })).digest('hex').slice(0, 8);
  return { file: { ...draft, ...thresholds, version: `${options.release}+${digest}` }, choice, priority };
}

/** The model file as TypeScript source (the build copies only .ts files into dist). Same input, same bytes. */
export function modelSource(file: ModelFile, constName: string): string {
  const json = JSON.stringify(file, null, 2);
  return [
    '/* Generated by `npm run train:risk` (libs/risk/src/model/train-main.ts): do not edit by hand. */',
    "import type { ModelFile } from '../../model/classifier';",
    '',
    `export const ${constName}: ModelFile = ${json};`,
    '',
  ].join('\n');
}
