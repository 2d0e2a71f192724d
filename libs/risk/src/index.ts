/**
 * Risk detection for chat messages: a reviewed lexicon per language (see lexicon/ and README.md), and beside it a
 * statistical model per language (model/) for threats in words the lexicon was never given.
 * The lexicon's rule fires first and keeps its reason; otherwise the model flags when its probability reaches the
 * banner threshold chosen on validation data, as advisory (a banner only) below its priority threshold. So the
 * combination flags everything the lexicon alone flags, with the same priority, and more.
 * Privacy: the result carries only a category, a rule id, a version (and the model's probability) — never the
 * text, and nothing here logs, stores or throws with the text. Any input string is safe (never throws).
 */
import { compileLexicon, runLexicon, type CompiledLexicon } from './detector';
import { normalize } from './normalize';
import { EN_LEXICON } from './lexicon/en';
import { PL_LEXICON } from './lexicon/pl';
import { UK_LEXICON } from './lexicon/uk';
import { loadModel, predict, type LoadedModel, type ModelPrediction } from './model/classifier';
import { MODEL_FILES } from './dataset/weights';
import type { RiskLanguage, RiskMatch } from './types';

export type { Lexicon, LexiconRule, NegationConfig, RiskCategory, RiskLanguage, RiskMatch } from './types';
export { RISK_CATEGORIES } from './types';
export type { ModelPrediction } from './model/classifier';

// compiled once, at module load: a malformed lexicon fails the process start (and the unit tests), not a chat
const COMPILED: Record<RiskLanguage, CompiledLexicon> = {
  pl: compileLexicon(PL_LEXICON),
  uk: compileLexicon(UK_LEXICON),
  en: compileLexicon(EN_LEXICON),
};

// unpacked once, at module load, for the same reason
const MODELS: Record<RiskLanguage, LoadedModel> = { pl: loadModel(MODEL_FILES.pl), uk: loadModel(MODEL_FILES.uk), en: loadModel(MODEL_FILES.en) };

const FORGET = /^/;

export const LEXICON_VERSIONS: Record<RiskLanguage, string> = {
  pl: PL_LEXICON.version,
  uk: UK_LEXICON.version,
  en: EN_LEXICON.version,
};

export const MODEL_VERSIONS: Record<RiskLanguage, string> = {
  pl: MODEL_FILES.pl.version,
  uk: MODEL_FILES.uk.version,
  en: MODEL_FILES.en.version,
};

/** The probability at or above which the model of each language raises a flag (chosen on validation data). */
export const MODEL_THRESHOLDS: Record<RiskLanguage, number> = {
  pl: MODEL_FILES.pl.threshold,
  uk: MODEL_FILES.uk.threshold,
  en: MODEL_FILES.en.threshold,
};

/**
 * The probability at or above which a model's flag also raises priority (chosen on validation data); below it the
 * flag is advisory. `null`: that language's model never raises priority, it only shows banners.
 */
export const MODEL_PRIORITY_THRESHOLDS: Record<RiskLanguage, number | null> = {
  pl: MODEL_FILES.pl.priorityThreshold,
  uk: MODEL_FILES.uk.priorityThreshold,
  en: MODEL_FILES.en.priorityThreshold,
};

/**
 * Characters inspected per message: chat messages are at most 4,000 (contract TEXT_MAX); the cap keeps a
 * pathological input (100k characters of one trigger word) from holding the event loop for long.
 */
export const MAX_INSPECTED_CHARS = 50_000;

/**
 * Runs `inspect` on the normalised message, or returns null for anything that is not a non-empty string in a
 * known language. Nothing escapes: an error (which could quote the text) becomes null.
 */
function inspecting<T>(text: string, language: RiskLanguage, inspect: (normalised: string, language: RiskLanguage) => T | null): T | null {
  if (typeof text !== 'string' || text.length === 0 || !Object.hasOwn(COMPILED, language)) return null;
  try {
    const inspected = text.length > MAX_INSPECTED_CHARS ? text.slice(0, MAX_INSPECTED_CHARS) : text;
    return inspect(normalize(inspected, language), language);
  } catch {
    // unreachable for strings as far as we know; never let an error (which could quote the text) escape
    return null;
  } finally {
    // the legacy RegExp statics (RegExp.input, $_, lastMatch) would otherwise keep the last matched text alive
    FORGET.exec('');
  }
}

/** Whether a model probability (already at the banner threshold) also raises priority in `language`. */
function raisesPriority(probability: number, language: RiskLanguage): boolean {
  const priority = MODEL_PRIORITY_THRESHOLDS[language];
  return priority !== null && probability >= priority;
}

function modelMatch(prediction: ModelPrediction | null, language: RiskLanguage): RiskMatch | null {
  if (prediction === null || !(prediction.probability >= MODEL_THRESHOLDS[language])) return null;
  const match: RiskMatch = {
    category: prediction.category,
    ruleId: `model.${language}.${prediction.category}`,
    lexiconVersion: MODEL_VERSIONS[language],
    probability: Math.floor(prediction.probability * 100) / 100,
  };
  if (!raisesPriority(prediction.probability, language)) match.advisory = true;
  return match;
}

/**
 * The risk of a message in `language`: the earliest lexicon rule it matches (`ruleId` = the rule), or else the
 * model's flag when its probability reaches the banner threshold (`ruleId` = `model.<lang>.<category>`,
 * `lexiconVersion` = the model's version, `probability` set, `advisory: true` below the priority threshold), or null.
 */
export function detectRisk(text: string, language: RiskLanguage): RiskMatch | null {
  return inspecting(text, language, (normalised, lang) => {
    const rule = runLexicon(COMPILED[lang], normalised);
    if (rule) return rule;
    try {
      return modelMatch(predict(MODELS[lang], normalised), lang);
    } catch {
      // the model must never cost the lexicon's answer; unreachable for strings as far as we know
      return null;
    }
  });
}

/**
 * The lexicon and the model beside it, the model's every flag advisory (a banner; it moves
 * nobody in the line), whatever its probability: `RISK_MODEL=advisory`.
 */
export function detectRiskAdvisory(text: string, language: RiskLanguage): RiskMatch | null {
  const match = detectRisk(text, language);
  return match && match.probability !== undefined ? { ...match, advisory: true } : match;
}

/** The lexicon alone: the earliest risk rule of `language` (in lexicon order) that the message matches, or null. */
export function detectRiskLexicon(text: string, language: RiskLanguage): RiskMatch | null {
  return inspecting(text, language, (normalised, lang) => runLexicon(COMPILED[lang], normalised));
}

/** The model alone, without its threshold: most likely category and P(any risk), for evaluation and review. */
export function predictRisk(text: string, language: RiskLanguage): ModelPrediction | null {
  return inspecting(text, language, (normalised, lang) => predict(MODELS[lang], normalised));
}

/**
 * Of the answers of several languages' detectors (in the order they were asked), the one to act on: the first that
 * raises priority (a rule, or the model above its priority threshold), else the first advisory one, else null.
 */
export function strongestMatch(matches: readonly (RiskMatch | null)[]): RiskMatch | null {
  const found = matches.filter((m): m is RiskMatch => m !== null);
  return found.find((m) => !m.advisory) ?? found[0] ?? null;
}

/** The reason shown for a flag: the rule id, or "model: threat-to-kill, 0.83". Codes only, never text. */
export function describeRisk(match: RiskMatch): string {
  return match.probability === undefined ? match.ruleId : `model: ${match.category}, ${match.probability.toFixed(2)}`;
}
