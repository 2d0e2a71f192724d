/**
 * What `npm run train:risk` trains on, per language: the training pool of dataset/pools.ts and the train-only
 * sentences of dataset/train-only.ts as normalised examples; what it chooses thresholds on: the validation pool
 * (and which of it the lexicon already flags: the thresholds are chosen for the combination that ships) and the
 * ordinary messages kept for validation. Uses the lexicon directly, not the package index, so training never
 * depends on the model it is about to write.
 */
import { buildPools } from '../dataset/pools';
import { labelOf, splitHash, type Labelled } from '../dataset/split';
import { ORDINARY, trainOnly } from '../dataset/train-only';
import { compileLexicon, runLexicon } from '../detector';
import { EN_LEXICON } from '../lexicon/en';
import { PL_LEXICON } from '../lexicon/pl';
import { UK_LEXICON } from '../lexicon/uk';
import { normalize } from '../normalize';
import type { Lexicon, RiskLanguage } from '../types';
import type { Example } from './example';
import type { BuildInput } from './train';

const LEXICONS: Record<RiskLanguage, Lexicon> = { pl: PL_LEXICON, uk: UK_LEXICON, en: EN_LEXICON };
const LANGUAGES: readonly RiskLanguage[] = ['pl', 'uk', 'en'];

/** A language's training set: what `buildModel` takes, and how many sentences were left out as repeats. */
export interface TrainingSet extends BuildInput {
  readonly dropped: number;
}

/** A language's own training sentences: its training pool, then its train-only sentences. */
function ownTraining(language: RiskLanguage): { cases: Labelled[]; dropped: number } {
  const pools = buildPools(language);
  const extra = trainOnly(language);
  return { cases: [...pools.train, ...extra.cases], dropped: pools.dropped + extra.dropped };
}

/**
 * The other languages' training sentences, read as this language and labelled 'none': the model of one language
 * must stay quiet on the others (the gateway asks every language's detector about every message), and without
 * them text it has no features for would fall back on the class balance of the corpus, which is mostly threats.
 */
function otherLanguages(language: RiskLanguage): Example[] {
  return LANGUAGES.filter((l) => l !== language).flatMap((other) =>
    ownTraining(other).cases.map((c) => ({ normalised: normalize(c.text, language), label: 'none' as const })),
  );
}

export function trainingSet(language: RiskLanguage): TrainingSet {
  const own = ownTraining(language);
  const lexicon = compileLexicon(LEXICONS[language]);
  const examples = (cases: readonly Labelled[]): Example[] => cases.map((c) => ({ normalised: normalize(c.text, language), label: labelOf(c) }));
  const validation = examples(buildPools(language).validation);
  return {
    train: [...examples(own.cases), ...otherLanguages(language)],
    validation,
    lexiconOnValidation: validation.map((e) => runLexicon(lexicon, e.normalised) !== null),
    ordinaryValidation: ORDINARY[language].validation.map((text) => ({ normalised: normalize(text, language), label: 'none' as const })),
    splitHash: splitHash(own.cases, language),
    dropped: own.dropped,
  };
}
