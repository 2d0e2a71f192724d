/**
 * What `npm run train:risk` trains on, per language: the pools of dataset/pools.ts as normalised examples, and
 * which validation examples the lexicon already flags (the threshold is chosen for the combination that ships).
 * Uses the lexicon directly, not the package index, so training never depends on the model it is about to write.
 */
import { buildPools } from '../dataset/pools';
import { labelOf, splitHash, type Labelled } from '../dataset/split';
import { compileLexicon, runLexicon } from '../detector';
import { EN_LEXICON } from '../lexicon/en';
import { PL_LEXICON } from '../lexicon/pl';
import { UK_LEXICON } from '../lexicon/uk';
import { normalize } from '../normalize';
import type { Lexicon, RiskLanguage } from '../types';
import type { Example } from './train';

const LEXICONS: Record<RiskLanguage, Lexicon> = { pl: PL_LEXICON, uk: UK_LEXICON, en: EN_LEXICON };

export interface TrainingSet {
  readonly train: readonly Example[];
  readonly validation: readonly Example[];
  /** Whether the lexicon flags each validation example. */
  readonly lexiconOnValidation: readonly boolean[];
  readonly splitHash: string;
  readonly dropped: number;
}

/**
 * The other languages' training sentences, read as this language and labelled 'none': the model of one language
 * must stay quiet on the others (the gateway asks every language's detector about every message), and without
 * them text it has no features for would fall back on the class balance of the corpus, which is mostly threats.
 */
function otherLanguages(language: RiskLanguage): Example[] {
  const others = (['pl', 'uk', 'en'] as const).filter((l) => l !== language);
  return others.flatMap((other) => buildPools(other).train.map((c) => ({ normalised: normalize(c.text, language), label: 'none' as const })));
}

export function trainingSet(language: RiskLanguage): TrainingSet {
  const pools = buildPools(language);
  const lexicon = compileLexicon(LEXICONS[language]);
  const examples = (cases: readonly Labelled[]): Example[] => cases.map((c) => ({ normalised: normalize(c.text, language), label: labelOf(c) }));
  const validation = examples(pools.validation);
  return {
    train: [...examples(pools.train), ...otherLanguages(language)],
    validation,
    lexiconOnValidation: validation.map((e) => runLexicon(lexicon, e.normalised) !== null),
    splitHash: splitHash(pools.train, language),
    dropped: pools.dropped,
  };
}
