/**
 * The statistical detector at run time: a multi-class logistic regression (softmax) over hashed character n-grams
 * (features.ts), one model per language, loaded from a static data module written by `npm run train:risk`.
 * Prediction is a sparse dot product per chunk of the message: no allocation proportional to the model, no I/O,
 * nothing kept after the call.
 */
import type { RiskCategory, RiskLanguage } from '../types';
import { chunks, hashFeatures, scratchBuckets, scratchCounts } from './features';

/** Class 0 is "no risk"; the others are the lexicon's categories. */
export type ModelClass = 'none' | RiskCategory;

/** What `npm run train:risk` writes to src/dataset/weights/<lang>.ts (a .ts module: the build copies only .ts). */
export interface ModelFile {
  readonly language: RiskLanguage;
  /** `<date>.<n>+<hash of the weights>`: stored with every flag the model raises, as the lexicon version is. */
  readonly version: string;
  /** Feature buckets are 2^bits. */
  readonly bits: number;
  readonly classes: readonly ModelClass[];
  /** Flag (a banner for the counsellor) when P(any risk) = 1 - P(none) reaches this; chosen on validation only. */
  readonly threshold: number;
  /**
   * From here up the flag also raises the session's priority, as a rule's does; below it (down to `threshold`) the
   * flag is advisory. `null`: this model never raises priority. Chosen on validation only (threshold.ts).
   */
  readonly priorityThreshold: number | null;
  readonly bias: readonly number[];
  /** Weight = int8 × scale. */
  readonly scale: number;
  /** Base64 of the used buckets, ascending, as unsigned LEB128 deltas. */
  readonly rows: string;
  /** Base64 of int8 weights, `classes.length` per used bucket, in `rows` order. */
  readonly weights: string;
  /** Provenance, for the README and the review: never text. */
  readonly training: { readonly seed: number; readonly examples: number; readonly splitHash: string };
}

export interface ModelPrediction {
  /** The most likely risk category (never 'none'). */
  readonly category: RiskCategory;
  /** P(any risk) = 1 - P(none) of the riskiest chunk. */
  readonly probability: number;
}

export interface LoadedModel {
  readonly file: ModelFile;
  /** Bucket → first weight of its row in `weights`, or -1 for a bucket the model never kept. */
  readonly rowOf: Int32Array;
  readonly weights: Int8Array;
}

export function decodeRows(base64: string): number[] {
  const bytes = Buffer.from(base64, 'base64');
  const rows: number[] = [];
  let value = 0;
  let shift = 0;
  let last = 0;
  for (const byte of bytes) {
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) {
      last += value;
      rows.push(last);
      value = 0;
      shift = 0;
    }
  }
  return rows;
}

export function encodeRows(rows: readonly number[]): string {
  const bytes: number[] = [];
  let last = 0;
  for (const row of rows) {
    let delta = row - last;
    last = row;
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80);
      delta = Math.floor(delta / 0x80);
    }
    bytes.push(delta);
  }
  return Buffer.from(bytes).toString('base64');
}

/** Checks and unpacks a model file; a malformed file fails the process start (and the unit tests), never a chat. */
export function loadModel(file: ModelFile): LoadedModel {
  const k = file.classes.length;
  if (file.classes[0] !== 'none' || k < 2 || file.bias.length !== k) throw new Error(`risk model ${file.language}: bad classes`);
  if (!(file.bits >= 8 && file.bits <= 24)) throw new Error(`risk model ${file.language}: bad bits`);
  const priority = file.priorityThreshold;
  if (!(file.threshold > 0 && file.threshold < 1) || (priority !== null && !(priority >= file.threshold && priority <= 1))) {
    throw new Error(`risk model ${file.language}: bad thresholds`);
  }
  const rows = decodeRows(file.rows);
  const weights = new Int8Array(Buffer.from(file.weights, 'base64'));
  if (weights.length !== rows.length * k) throw new Error(`risk model ${file.language}: weights do not match rows`);
  const rowOf = new Int32Array(1 << file.bits).fill(-1);
  rows.forEach((row, i) => {
    if (row >= rowOf.length) throw new Error(`risk model ${file.language}: row out of range`);
    rowOf[row] = i * k;
  });
  return { file, rowOf, weights };
}

/** Class probabilities of one chunk (softmax over bias + weights · features). */
function scoreChunk(model: LoadedModel, chunk: string, logits: Float64Array): void {
  const { file, rowOf, weights } = model;
  const k = file.classes.length;
  for (let c = 0; c < k; c += 1) logits[c] = file.bias[c];
  const { n, norm } = hashFeatures(chunk, file.bits);
  const buckets = scratchBuckets();
  const counts = scratchCounts();
  const unit = file.scale / norm;
  for (let i = 0; i < n; i += 1) {
    const row = rowOf[buckets[i]];
    if (row < 0) continue;
    const v = counts[i] * unit;
    for (let c = 0; c < k; c += 1) logits[c] += weights[row + c] * v;
  }
  buckets.fill(0, 0, n);
  counts.fill(0, 0, n);
  let max = -Infinity;
  for (let c = 0; c < k; c += 1) if (logits[c] > max) max = logits[c];
  let sum = 0;
  for (let c = 0; c < k; c += 1) {
    logits[c] = Math.exp(logits[c] - max);
    sum += logits[c];
  }
  for (let c = 0; c < k; c += 1) logits[c] /= sum;
}

/** The riskiest chunk of an already normalised message: its most likely category and P(any risk). */
export function predict(model: LoadedModel, normalised: string): ModelPrediction | null {
  const k = model.file.classes.length;
  const probs = new Float64Array(k);
  let best: ModelPrediction | null = null;
  for (const chunk of chunks(normalised)) {
    scoreChunk(model, chunk, probs);
    const risk = 1 - probs[0];
    if (best !== null && risk <= best.probability) continue;
    let top = 1;
    for (let c = 2; c < k; c += 1) if (probs[c] > probs[top]) top = c;
    best = { category: model.file.classes[top] as RiskCategory, probability: risk };
  }
  return best;
}
