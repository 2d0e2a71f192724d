/** The statistical detector: new phrasings, the combination rule, determinism of training, odd input. */
import { createHash } from 'node:crypto';
import { buildPools } from './dataset/pools';
import { skeletonKey } from './dataset/split';
import { DATASETS, HOLDOUTS } from './eval/metrics';
import {
  describeRisk,
  detectRisk,
  detectRiskAdvisory,
  detectRiskLexicon,
  MODEL_PRIORITY_THRESHOLDS,
  MODEL_THRESHOLDS,
  MODEL_VERSIONS,
  predictRisk,
  RISK_CATEGORIES,
  strongestMatch,
  type RiskCategory,
  type RiskLanguage,
} from './index';
import { decodeRows, encodeRows, loadModel, predict, type ModelFile } from './model/classifier';
import { ORDINARY } from './dataset/train-only';
import { PRIORITY_ORDINARY_SHARE } from './model/threshold';
import type { Example } from './model/example';
import { buildModel, DEFAULT_OPTIONS, modelSource } from './model/train';
import { trainingSet } from './model/training-set';
import { EN_MODEL } from './dataset/weights/en';
import { PL_MODEL } from './dataset/weights/pl';
import { UK_MODEL } from './dataset/weights/uk';
import { normalize } from './normalize';

const LANGUAGES: RiskLanguage[] = ['pl', 'uk', 'en'];
const FILES: Record<RiskLanguage, ModelFile> = { pl: PL_MODEL, uk: UK_MODEL, en: EN_MODEL };

/** Sentences written for this test, in words the lexicon does not list; none is in any training pool. */
const UNSEEN: [RiskLanguage, string, RiskCategory][] = [
  ['en', 'he said tonight is my last night', 'threat-to-kill'],
  ['pl', 'przystawił mi ostrze do gardła', 'weapon'],
  ['uk', 'каже що покінчить зі мною', 'threat-to-kill'],
];
/** New sentences the lexicon also catches: the model alone must see them too. */
const UNSEEN_MODEL_ONLY: [RiskLanguage, string, RiskCategory][] = [
  ['en', 'he squeezed my neck until i passed out', 'strangulation'],
  ['pl', 'zacisnął mi ręce na gardle', 'strangulation'],
  ['uk', 'він сказав що я не доживу до ранку', 'threat-to-kill'],
];

describe('model: sentences it was never given', () => {
  it.each([...UNSEEN, ...UNSEEN_MODEL_ONLY])('%s: "%s" is not in the training or validation pools', (language, text) => {
    const pools = buildPools(language);
    const keys = new Set([...pools.train, ...pools.validation].map((c) => skeletonKey(c.text, language)));
    expect(keys.has(skeletonKey(text, language))).toBe(false);
  });

  it.each(UNSEEN)('%s: the lexicon misses "%s", the combination flags it as %s', (language, text, category) => {
    expect(detectRiskLexicon(text, language)).toBeNull();
    const match = detectRisk(text, language);
    expect(match).toMatchObject({ category, ruleId: `model.${language}.${category}`, lexiconVersion: MODEL_VERSIONS[language] });
    expect(match?.probability).toBeGreaterThanOrEqual(MODEL_THRESHOLDS[language] - 0.01);
  });

  it.each(UNSEEN_MODEL_ONLY)('%s: the model alone sees "%s" as %s', (language, text, category) => {
    const prediction = predictRisk(text, language);
    expect(prediction?.category).toBe(category);
    expect(prediction?.probability).toBeGreaterThanOrEqual(MODEL_THRESHOLDS[language]);
  });
});

describe('model: stays in its language', () => {
  it.each(LANGUAGES)('%s: flags under 3%% of the other languages\' sentences it was not trained on (the gateway asks every language)', (language) => {
    const unseen = (l: RiskLanguage): { text: string }[] => [...buildPools(l).validation, ...buildPools(l).heldout, ...HOLDOUTS[l]];
    const others = LANGUAGES.filter((l) => l !== language).flatMap(unseen);
    const flagged = others.filter((c) => detectRisk(c.text, language) !== null && detectRiskLexicon(c.text, language) === null).length;
    expect(flagged / others.length).toBeLessThan(0.03);
  });
});

describe('combination: lexicon first, then the model', () => {
  it.each(LANGUAGES)('%s: never below the lexicon: every lexicon flag is kept with its rule', (language) => {
    for (const c of [...DATASETS[language], ...HOLDOUTS[language]]) {
      const lexicon = detectRiskLexicon(c.text, language);
      if (lexicon) expect(detectRisk(c.text, language)).toEqual(lexicon);
    }
  });

  it.each(LANGUAGES)('%s: a model flag is a code with its probability, at or above the threshold', (language) => {
    for (const c of HOLDOUTS[language]) {
      const match = detectRisk(c.text, language);
      if (!match || !match.ruleId.startsWith('model.')) continue;
      expect(match.ruleId).toMatch(new RegExp(`^model\\.${language}\\.[a-z-]+$`));
      expect(RISK_CATEGORIES).toContain(match.category);
      expect(match.probability).toBeGreaterThanOrEqual(Math.floor(MODEL_THRESHOLDS[language] * 100) / 100);
      expect(describeRisk(match)).toMatch(/^model: [a-z-]+, [01]\.\d\d$/);
    }
  });

  it('describes the reason: the rule id, or "model: <category>, <probability>"', () => {
    expect(describeRisk({ category: 'weapon', ruleId: 'en.weapon.gun', lexiconVersion: '2026-12-01.1' })).toBe('en.weapon.gun');
    expect(describeRisk({ category: 'threat-to-kill', ruleId: 'model.en.threat-to-kill', lexiconVersion: 'x', probability: 0.83 })).toBe('model: threat-to-kill, 0.83');
  });

  it('a model flag is raised without logging anything', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
    for (const [language, text] of UNSEEN) detectRisk(text, language);
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });

  it('a model flag carries codes only, never the text', () => {
    const [language, text] = UNSEEN[0];
    const match = detectRisk(text, language);
    const keys = Object.keys(match ?? {}).filter((k) => k !== 'advisory');
    expect(keys.sort()).toEqual(['category', 'lexiconVersion', 'probability', 'ruleId']);
    const serialised = JSON.stringify(match);
    for (let i = 0; i + 6 <= text.length; i += 1) expect(serialised).not.toContain(text.slice(i, i + 6));
  });
});

describe('advisory flags: a banner, not a place ahead in the line', () => {
  const sentences = (language: RiskLanguage): string[] => [...DATASETS[language], ...HOLDOUTS[language], ...buildPools(language).heldout].map((c) => c.text);

  it.each(LANGUAGES)('%s: a model flag is advisory exactly when its probability is under the priority threshold', (language) => {
    const priority = MODEL_PRIORITY_THRESHOLDS[language];
    let seen = 0;
    for (const text of sentences(language)) {
      const match = detectRisk(text, language);
      if (!match || match.probability === undefined) continue;
      seen += 1;
      const probability = predictRisk(text, language)?.probability ?? 0;
      const raises = priority !== null && probability >= priority;
      expect(match.advisory).toBe(raises ? undefined : true);
    }
    expect(seen).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)('%s: in advisory mode every model flag is advisory, and the lexicon\'s answers are the same as ever', (language) => {
    let models = 0;
    for (const text of sentences(language)) {
      const full = detectRisk(text, language);
      const advisoryOnly = detectRiskAdvisory(text, language);
      if (full?.probability !== undefined) {
        models += 1;
        expect(advisoryOnly).toEqual({ ...full, advisory: true });
      } else expect(advisoryOnly).toEqual(full);
    }
    expect(models).toBeGreaterThan(0);
  });

  it.each(LANGUAGES)('%s: a lexicon flag is never advisory', (language) => {
    for (const text of sentences(language)) {
      const match = detectRiskLexicon(text, language);
      if (match) expect(detectRisk(text, language)?.advisory).toBeUndefined();
    }
  });

  it('acts on the first flag that raises priority across languages, else the first advisory one', () => {
    const rule = { category: 'weapon' as const, ruleId: 'uk.weapon.gun', lexiconVersion: 'l' };
    const advisory = { category: 'suicide' as const, ruleId: 'model.pl.suicide', lexiconVersion: 'm', probability: 0.4, advisory: true as const };
    expect(strongestMatch([advisory, null, rule])).toBe(rule);
    expect(strongestMatch([null, advisory])).toBe(advisory);
    expect(strongestMatch([null, null])).toBeNull();
  });

  it.each(LANGUAGES)('%s: the priority threshold, if any, is at or above the banner threshold', (language) => {
    const priority = MODEL_PRIORITY_THRESHOLDS[language];
    if (priority !== null) expect(priority).toBeGreaterThanOrEqual(MODEL_THRESHOLDS[language]);
  });

  it.each(LANGUAGES)('%s: ordinary messages kept for validation raise priority at most as often as the rule allows (2%%)', (language) => {
    const texts = ORDINARY[language].validation;
    const raising = texts.filter((text) => { const m = detectRisk(text, language); return m !== null && !m.advisory; }).length;
    expect(raising).toBeLessThanOrEqual(PRIORITY_ORDINARY_SHARE * texts.length);
  });
});

describe('model: odd and huge input', () => {
  const odd = ['', ' ', '.', 'a'.repeat(100_000), '😀🔪💀'.repeat(3000), '\uD800\uDC00\uDFFF\uD800', 'ﬁ ｋｉｌｌ', '\u0000\u202E', ', , . .'];

  it.each(LANGUAGES)('%s: never throws, returns null or a probability in [0, 1]', (language) => {
    for (const text of odd) {
      const p = predictRisk(text, language);
      if (p) expect(p.probability >= 0 && p.probability <= 1).toBe(true);
      expect(() => detectRisk(text, language)).not.toThrow();
    }
    expect(predictRisk(undefined as unknown as string, language)).toBeNull();
    expect(predictRisk('he will kill me', 'xx' as RiskLanguage)).toBeNull();
  });

  it('refuses a malformed model file at load', () => {
    expect(() => loadModel({ ...EN_MODEL, weights: EN_MODEL.weights.slice(0, 8) })).toThrow(/weights/);
    expect(() => loadModel({ ...EN_MODEL, classes: ['weapon', ...EN_MODEL.classes.slice(1)] })).toThrow(/classes/);
    expect(() => loadModel({ ...EN_MODEL, bits: 40 })).toThrow(/bits/);
    expect(() => loadModel({ ...EN_MODEL, threshold: 0.6, priorityThreshold: 0.5 })).toThrow(/thresholds/);
    expect(() => loadModel({ ...EN_MODEL, threshold: 1.5 })).toThrow(/thresholds/);
  });

  it('packs bucket numbers losslessly', () => {
    const rows = [0, 1, 127, 128, 300, 16_383, 16_384, 262_143];
    expect(decodeRows(encodeRows(rows))).toEqual(rows);
  });
});

describe('model files', () => {
  it.each(LANGUAGES)('%s: versioned, for its language, thresholds in (0, 1]', (language) => {
    const file = FILES[language];
    expect(file.language).toBe(language);
    expect(file.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+\+[0-9a-f]{8}$/);
    expect(MODEL_VERSIONS[language]).toBe(file.version);
    expect(file.threshold > 0 && file.threshold < 1).toBe(true);
  });

  it.each(LANGUAGES)('%s: the shipped file is what training on the current pools gives (run `npm run train:risk` after a data change)', (language) => {
    const set = trainingSet(language);
    expect(set.splitHash).toBe(FILES[language].training.splitHash);
    const { file } = buildModel(language, set);
    expect(file.version).toBe(FILES[language].version);
    expect(modelSource(file, `${language.toUpperCase()}_MODEL`)).toBe(modelSource(FILES[language], `${language.toUpperCase()}_MODEL`));
  });
});

describe('training is deterministic', () => {
  const corpus: Example[] = [
    ['he will kill me', 'threat-to-kill'],
    ['he said he would kill us all', 'threat-to-kill'],
    ['he has a gun in the car', 'weapon'],
    ['he keeps a knife under the bed', 'weapon'],
    ['he choked me last night', 'strangulation'],
    ['i want to die', 'suicide'],
    ['he hits the baby', 'child-danger'],
    ['he raped me', 'sexual-violence'],
    ['he is at the door right now', 'immediate-danger'],
    ['we had pasta for dinner', 'none'],
    ['the weather is nice today', 'none'],
    ['can you help me with a divorce', 'none'],
    ['i killed it at the exam', 'none'],
  ].map(([text, label]) => ({ normalised: normalize(text, 'en'), label: label as Example['label'] }));
  const small = { ...DEFAULT_OPTIONS, bits: 12, epochs: 5, minCount: 1 };
  const input = { train: corpus, validation: corpus, lexiconOnValidation: [], ordinaryValidation: [], splitHash: 'h' };
  const digest = (file: ModelFile): string => createHash('sha256').update(modelSource(file, 'M')).digest('hex');

  it('same corpus and seed: the same bytes; another seed: other bytes', () => {
    const first = digest(buildModel('en', input, small).file);
    const second = digest(buildModel('en', input, small).file);
    const reseeded = digest(buildModel('en', input, { ...small, seed: small.seed + 1 }).file);
    expect(second).toBe(first);
    expect(reseeded).not.toBe(first);
  });

  it('learns its small corpus', () => {
    const { file } = buildModel('en', input, small);
    const model = loadModel(file);
    expect(predict(model, normalize('he will kill me', 'en'))?.category).toBe('threat-to-kill');
    expect(predict(model, normalize('he choked me last night', 'en'))?.category).toBe('strangulation');
  });
});
