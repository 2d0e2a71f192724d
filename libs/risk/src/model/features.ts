/**
 * Features of the statistical detector, computed on the lexicon's normalised text (normalize.ts), so that
 * "zabiję", "zabije", "ZABIJEEE" and "вбʼю", "vbyu" meet as one skeleton before any feature is taken:
 * - character 3-, 4- and 5-grams over the padded text, across word boundaries ("squeez", "my ne", "neck "):
 *   Polish and Ukrainian inflect, and a word the model never saw usually shares a stem with one it did;
 * - whole words and word pairs ("with axe", "не можу"), for short words the n-grams blur.
 * Each feature is hashed (FNV-1a, 32-bit) into 2^bits buckets: no vocabulary to ship, nothing to look up.
 * Values are counts scaled to unit length, so a long chunk does not outvote a short one by size alone.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Distinct salts keep a 3-gram, a word and a word pair with the same letters in different buckets. */
const SALT_GRAM = [0, 0, 0, 0x9e3779b1 | 0, 0x7f4a7c15 | 0, 0x94d049bb | 0];
const SALT_WORD = 0x85ebca77 | 0;
const SALT_PAIR = 0xc2b2ae3d | 0;

/** Words per scored chunk: a message is scored chunk by chunk (whole sentences) and the riskiest chunk counts. */
export const CHUNK_WORDS = 40;

/** Final avalanche (murmur3 fmix32) so the low bits used as the bucket depend on every input bit. Int32 only. */
function mix(h: number, salt: number, mask: number): number {
  h ^= salt;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b | 0);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35 | 0);
  h ^= h >>> 16;
  return h & mask;
}

function fnv(text: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i += 1) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A sparse feature vector: sorted distinct buckets and their (unit-length) values. */
export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/**
 * Scratch space reused by every call (one message at a time: JavaScript runs one call at a time), so scoring a
 * message allocates almost nothing. It holds bucket numbers only, and is zeroed after use all the same.
 */
let scratch = new Int32Array(8192);
let counts = new Int32Array(8192);

function ensure(size: number): void {
  if (scratch.length < size) {
    scratch = new Int32Array(size);
    counts = new Int32Array(size);
  }
}

/**
 * Hashes the features of one chunk of normalised text (single-space separated, space padded) into `scratch`,
 * sorted and merged: returns how many distinct buckets (in scratch[0..n), their counts in counts[0..n)) and
 * the vector's length. The chunk is read, never kept: only bucket numbers leave this function.
 */
export function hashFeatures(chunk: string, bits: number): { n: number; norm: number } {
  const mask = (1 << bits) - 1;
  ensure(chunk.length * 5 + 16);
  let m = 0;
  const length = chunk.length;
  for (let i = 0; i + 3 <= length; i += 1) {
    let h = FNV_OFFSET;
    for (let n = 1; n <= 5 && i + n <= length; n += 1) {
      h = Math.imul(h ^ chunk.charCodeAt(i + n - 1), FNV_PRIME);
      if (n >= 3) scratch[m++] = mix(h, SALT_GRAM[n], mask);
    }
  }
  let previous = 0; // 0: no word yet (an FNV hash of a word is never 0 in practice; if it were, one pair is lost)
  for (let from = 1; from < length; ) {
    let to = chunk.indexOf(' ', from);
    if (to < 0) to = length;
    if (to > from) {
      const word = fnv(chunk, from, to);
      scratch[m++] = mix(word, SALT_WORD, mask);
      if (previous !== 0) scratch[m++] = mix(Math.imul(previous ^ word, FNV_PRIME) ^ (word >>> 7), SALT_PAIR, mask);
      previous = word;
    }
    from = to + 1;
  }
  scratch.subarray(0, m).sort();
  let n = 0;
  let norm = 0;
  for (let i = 0; i < m; i += 1) {
    if (n > 0 && scratch[n - 1] === scratch[i]) counts[n - 1] += 1;
    else {
      scratch[n] = scratch[i];
      counts[n] = 1;
      n += 1;
    }
  }
  for (let i = 0; i < n; i += 1) norm += counts[i] * counts[i];
  scratch.fill(0, n, m);
  return { n, norm: Math.sqrt(norm) || 1 };
}

/** Reads back the features `hashFeatures` left in scratch space, then zeroes it. */
export function readFeatures(n: number, visit: (bucket: number, count: number) => void): void {
  for (let i = 0; i < n; i += 1) visit(scratch[i], counts[i]);
  scratch.fill(0, 0, n);
  counts.fill(0, 0, n);
}

/** Features of one chunk as a standalone vector (for training; scoring reads the scratch space directly). */
export function featurize(chunk: string, bits: number): SparseVector {
  const { n, norm } = hashFeatures(chunk, bits);
  const index = new Int32Array(n);
  const value = new Float64Array(n);
  let i = 0;
  readFeatures(n, (bucket, count) => {
    index[i] = bucket;
    value[i] = count / norm;
    i += 1;
  });
  return { index, value };
}

/** Scratch access for the scorer (classifier.ts) without a callback per feature. */
export function scratchBuckets(): Int32Array {
  return scratch;
}
export function scratchCounts(): Int32Array {
  return counts;
}

/**
 * Splits normalised text into chunks of whole sentences of at most CHUNK_WORDS words (a longer sentence is cut
 * into windows of that size). Short messages, the usual case, are one chunk.
 */
export function chunks(normalised: string): string[] {
  let words = 0;
  for (let i = 1; i < normalised.length; i += 1) if (normalised.charCodeAt(i) === 0x20) words += 1;
  if (words <= CHUNK_WORDS) return [normalised];
  const out: string[] = [];
  let start = 0; // index of the space before the chunk's first word
  let inChunk = 0;
  let content = false;
  for (let i = 1; i < normalised.length; i += 1) {
    if (normalised.charCodeAt(i) !== 0x20) continue;
    const word = normalised.slice(normalised.lastIndexOf(' ', i - 1) + 1, i);
    inChunk += 1;
    if (word !== '.' && word !== ',') content = true;
    if (inChunk >= CHUNK_WORDS || (word === '.' && inChunk >= CHUNK_WORDS / 2)) {
      if (content) out.push(normalised.slice(start, i + 1));
      start = i;
      inChunk = 0;
      content = false;
    }
  }
  if (content) out.push(normalised.slice(start));
  return out;
}
