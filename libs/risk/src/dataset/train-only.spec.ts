/**
 * The train-only sentences (the supplement and the ordinary first messages): their shape, and that they stay apart
 * from everything the model is validated or judged on, including the ordinary openings of the evaluation, which
 * they must not copy or paraphrase closely.
 */
import { ORDINARY_OPENINGS } from '../eval/ordinary-openings';
import { normalize } from '../normalize';
import { RISK_CATEGORIES, type RiskLanguage } from '../types';
import { skeletonKey } from './split';
import { judgedSkeletons, ORDINARY, SUPPLEMENTS, trainOnly } from './train-only';

const LANGUAGES: RiskLanguage[] = ['pl', 'uk', 'en'];

/** Share of the words of `a` and `b` that they have in common (Jaccard, on normalised words). */
function overlap(a: string, b: string, language: RiskLanguage): number {
  const words = (text: string): Set<string> => new Set(normalize(text, language).split(' ').filter((w) => w.length > 0 && w !== '.' && w !== ','));
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared || 1);
}

describe.each(LANGUAGES)('%s train-only sentences', (language) => {
  const supplement = SUPPLEMENTS[language];
  const ordinary = ORDINARY[language];

  it('has at least 15 supplement threats per category, each with its category, and at least 80 look-alikes', () => {
    for (const category of RISK_CATEGORIES) expect(supplement.filter((c) => c.threat && c.category === category).length).toBeGreaterThanOrEqual(15);
    const lookalikes = supplement.filter((c) => !c.threat);
    expect(lookalikes.every((c) => c.category === undefined && c.kind !== 'threat')).toBe(true);
    expect(lookalikes.length).toBeGreaterThanOrEqual(80);
  });

  it('has at least 200 ordinary messages to train on and 50 kept for validation', () => {
    expect(ordinary.train.length).toBeGreaterThanOrEqual(200);
    expect(ordinary.validation.length).toBeGreaterThanOrEqual(50);
  });

  it('repeats nothing the model is validated or judged on, nor itself (skeletons)', () => {
    expect(trainOnly(language).dropped).toBe(0);
    const keys = [...supplement.map((c) => c.text), ...ordinary.train, ...ordinary.validation].map((text) => skeletonKey(text, language));
    expect(keys.length - new Set(keys).size).toBe(0);
    const judged = judgedSkeletons(language);
    for (const text of ordinary.validation) expect(judged.has(skeletonKey(text, language))).toBe(true);
  });

  it('has no non-threat that paraphrases an ordinary opening of the evaluation closely (under half of the words shared)', () => {
    const close = [...ordinary.train, ...ordinary.validation, ...supplement.filter((c) => !c.threat).map((c) => c.text)].flatMap((text) =>
      ORDINARY_OPENINGS[language].filter((opening) => overlap(text, opening, language) >= 0.5).map((opening) => `${text} ~ ${opening}`),
    );
    expect(close).toEqual([]);
  });
});
