/**
 * Features of the statistical detector, computed on the lexicon's normalised text (normalize.ts), so that
 * "zabiję", "zabije", "ZABIJEEE" and "вбʼю", "vbyu" meet as one skeleton before any feature is taken:
 * - character 3-, 4- and 5-grams over the padded text, across word boundaries ("squeez", "my ne", "neck "):
 *   Polish and Ukrainian inflect, and a word the model never saw usually shares a stem with one it did;
 * - whole words and word pairs ("with axe", "не можу"), for short words the n-grams blur.
 * Each feature is hashed (FNV-1a, 32-bit) into 2^bits buckets: no vocabulary to ship, nothing to look up.
 * Values are counts scaled to unit length, so a long chunk does not outvote a short one by size alone.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Distinct salts keep a 3-gram, a word and a word pair with the same letters in different buckets. */
const SALT = { gram: 0x9e3779b1, word: 0x85ebca77, pair: 0xc2b2ae3d } as const;

/** Words per scored chunk: a message is scored chunk by chunk (whole sentences) and the riskiest chunk counts. */
export const CHUNK_WORDS = 40;

function mix(h: number, salt: number): number {
  // final avalanche (murmur3 fmix32) so the low bits used as the bucket depend on every input bit
  h ^= salt;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv(text: string, from: number, to: number, h = FNV_OFFSET): number {
  for (let i = from; i < to; i += 1) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** A sparse feature vector: sorted distinct buckets and their (unit-length) values. */
export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/**
 * Features of one chunk of normalised text (a few sentences, single-space separated, space padded).
 * The chunk is read, never kept: only bucket numbers leave this function.
 */
export function featurize(chunk: string, bits: number): SparseVector {
  const mask = (1 << bits) - 1;
  const raw: number[] = [];
  for (let i = 0; i + 3 <= chunk.length; i += 1) {
    let h = FNV_OFFSET;
    for (let n = 1; n <= 5 && i + n <= chunk.length; n += 1) {
      h = Math.imul(h ^ chunk.charCodeAt(i + n - 1), FNV_PRIME);
      if (n >= 3) raw.push(mix(h, SALT.gram + n) & mask);
    }
  }
  let previous = -1;
  for (let from = 1; from < chunk.length; ) {
    let to = chunk.indexOf(' ', from);
    if (to < 0) to = chunk.length;
    if (to > from) {
      const word = fnv(chunk, from, to);
      raw.push(mix(word, SALT.word) & mask);
      if (previous >= 0) raw.push(mix(Math.imul(previous ^ word, FNV_PRIME) ^ (word >>> 7), SALT.pair) & mask);
      previous = word;
    }
    from = to + 1;
  }
  return toUnitVector(raw);
}

function toUnitVector(raw: number[]): SparseVector {
  const sorted = Int32Array.from(raw).sort();
  const index: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < sorted.length; i += 1) {
    if (index.length > 0 && index[index.length - 1] === sorted[i]) count[count.length - 1] += 1;
    else {
      index.push(sorted[i]);
      count.push(1);
    }
  }
  let norm = 0;
  for (const c of count) norm += c * c;
  norm = Math.sqrt(norm) || 1;
  return { index: Int32Array.from(index), value: Float64Array.from(count, (c) => c / norm) };
}

/**
 * Splits normalised text into chunks of whole sentences of at most CHUNK_WORDS words (a longer sentence is cut
 * into windows of that size). Short messages, the usual case, are one chunk.
 */
export function chunks(normalised: string): string[] {
  const words = normalised.split(' ').filter((w) => w.length > 0);
  if (words.length <= CHUNK_WORDS) return [normalised];
  const out: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.some((w) => w !== '.' && w !== ',')) out.push(` ${current.join(' ')} `);
    current = [];
  };
  for (const word of words) {
    current.push(word);
    if (current.length >= CHUNK_WORDS || (word === '.' && current.length >= CHUNK_WORDS / 2)) flush();
  }
  flush();
  return out;
}
