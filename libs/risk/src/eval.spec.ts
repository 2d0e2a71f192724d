/** Correctness gate on the labelled sets (not a timing test). Held-out numbers are reported, not gated. */
import { DATASETS, DETECTORS, HOLDOUTS, evaluate } from './eval/metrics';
import { RISK_CATEGORIES, type RiskLanguage } from './index';

const LANGUAGES: RiskLanguage[] = ['pl', 'uk', 'en'];

describe('evaluation set', () => {
  it.each(LANGUAGES)('%s: has at least 150 sentences, balanced, every category present', (language) => {
    const cases = DATASETS[language];
    const threats = cases.filter((c) => c.threat);
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(threats.length / cases.length).toBeGreaterThan(0.35);
    expect(threats.length / cases.length).toBeLessThan(0.65);
    for (const category of RISK_CATEGORIES) expect(threats.filter((c) => c.category === category).length).toBeGreaterThanOrEqual(10);
  });

  it.each(LANGUAGES)('%s: held-out sentences do not repeat tuning sentences', (language) => {
    const tuned = new Set(DATASETS[language].map((c) => c.text));
    for (const c of HOLDOUTS[language]) expect(tuned.has(c.text)).toBe(false);
  });

  it.each(LANGUAGES)('%s: recall >= 0.9 and precision >= 0.8 on the labelled set, for the lexicon and the combination', (language) => {
    for (const detector of [DETECTORS.lexicon, DETECTORS.combination]) {
      const report = evaluate(language, DATASETS[language], detector);
      expect(report.recall).toBeGreaterThanOrEqual(0.9);
      expect(report.precision).toBeGreaterThanOrEqual(0.8);
    }
  });
});
