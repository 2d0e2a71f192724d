import type { RiskCategory } from '../types';

/**
 * What a labelled sentence is an example of. Threats carry their category; the other kinds are the
 * hard negatives a detector must learn to leave alone.
 */
export type CorpusKind =
  | 'threat'
  | 'hyperbole' // "mama mnie zabije", "I could kill for a coffee"
  | 'past-calm' // something long over, told calmly ("years ago he hit me; now I am safe")
  | 'law-question' // a question about the law, a procedure, a service
  | 'counsellor' // a counsellor's own phrasing ("are you safe right now?")
  | 'media' // quoted news, a film, a book, a game
  | 'everyday'; // the rest of ordinary chat

/**
 * One fictional chat message written for training and evaluation. Never real chat text.
 * `informal` marks writing as survivors type it on a phone: no diacritics, Latin-script Ukrainian,
 * typos, emoji, slang.
 */
export interface CorpusCase {
  readonly text: string;
  readonly threat: boolean;
  /** Required when `threat` is true. */
  readonly category?: RiskCategory;
  readonly kind: CorpusKind;
  readonly informal?: boolean;
}
