/**
 * The fixed split of the labelled sentences into train / validation / held-out, by a hash of the normalised text:
 * SHA-256 of the skeleton, its first 32 bits read as a fraction, < 0.70 train, < 0.85 validation, else held-out.
 * It depends on nothing but the sentence itself, so adding sentences never moves the others, two spellings with
 * the same skeleton ("zabiję"/"zabije") land together, and nobody can pick which sentences are held out.
 * `splitHash` fingerprints each split (sorted skeletons and labels): it is printed by the evaluation, so a split
 * that was edited or tuned on shows as a changed hash.
 */
import { createHash } from 'node:crypto';
import { normalize } from '../normalize';
import type { RiskCategory, RiskLanguage } from '../types';

export type SplitName = 'train' | 'validation' | 'heldout';

export const SPLIT_FRACTIONS = { train: 0.7, validation: 0.15 } as const;

/** A labelled sentence of any source (corpus or eval dataset). */
export interface Labelled {
  readonly text: string;
  readonly threat: boolean;
  readonly category?: RiskCategory;
}

export function skeletonKey(text: string, language: RiskLanguage): string {
  return normalize(text, language).trim();
}

export function splitOf(text: string, language: RiskLanguage): SplitName {
  const digest = createHash('sha256').update(skeletonKey(text, language), 'utf8').digest();
  const fraction = digest.readUInt32BE(0) / 2 ** 32;
  if (fraction < SPLIT_FRACTIONS.train) return 'train';
  return fraction < SPLIT_FRACTIONS.train + SPLIT_FRACTIONS.validation ? 'validation' : 'heldout';
}

export function splitCases<T extends Labelled>(cases: readonly T[], language: RiskLanguage): Record<SplitName, T[]> {
  const out: Record<SplitName, T[]> = { train: [], validation: [], heldout: [] };
  for (const c of cases) out[splitOf(c.text, language)].push(c);
  return out;
}

/** Label as the model sees it: the category of a threat, or 'none'. */
export function labelOf(c: Labelled): RiskCategory | 'none' {
  return c.threat ? (c.category ?? 'immediate-danger') : 'none';
}

/** Short fingerprint of a split: SHA-256 over its sorted "skeleton TAB label" lines (first 12 hex digits). */
export function splitHash(cases: readonly Labelled[], language: RiskLanguage): string {
  const lines = cases.map((c) => `${skeletonKey(c.text, language)}\t${labelOf(c)}`).sort();
  return createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex').slice(0, 12);
}
