import type { RiskCategory } from '../../types';
import type { CorpusCase, CorpusKind } from '../types';

/** A threat of the training supplement (`informal`: typed as on a phone). */
export const threat = (text: string, category: RiskCategory, informal = false): CorpusCase => ({ text, threat: true, category, kind: 'threat', informal });

/** A look-alike of the training supplement: the words of danger, and no danger. */
export const lookalike = (text: string, kind: Exclude<CorpusKind, 'threat'>, informal = false): CorpusCase => ({ text, threat: false, kind, informal });
