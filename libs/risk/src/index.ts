/**
 * Risk detection for chat messages: a reviewed lexicon per language (see lexicon/ and README.md).
 * Privacy: the result carries only a category, a rule id and the lexicon version — never the text,
 * and nothing here logs, stores or throws with the text. Any input string is safe (never throws).
 */
import { compileLexicon, runLexicon, type CompiledLexicon } from './detector';
import { normalize } from './normalize';
import { EN_LEXICON } from './lexicon/en';
import { PL_LEXICON } from './lexicon/pl';
import { UK_LEXICON } from './lexicon/uk';
import type { RiskLanguage, RiskMatch } from './types';

export type { Lexicon, LexiconRule, NegationConfig, RiskCategory, RiskLanguage, RiskMatch } from './types';
export { RISK_CATEGORIES } from './types';

// compiled once, at module load: a malformed lexicon fails the process start (and the unit tests), not a chat
const COMPILED: Record<RiskLanguage, CompiledLexicon> = {
  pl: compileLexicon(PL_LEXICON),
  uk: compileLexicon(UK_LEXICON),
  en: compileLexicon(EN_LEXICON),
};

const FORGET = /^/;

export const LEXICON_VERSIONS: Record<RiskLanguage, string> = {
  pl: PL_LEXICON.version,
  uk: UK_LEXICON.version,
  en: EN_LEXICON.version,
};

/**
 * Characters inspected per message: chat messages are at most 4,000 (contract TEXT_MAX); the cap keeps a
 * pathological input (100k characters of one trigger word) from holding the event loop for long.
 */
export const MAX_INSPECTED_CHARS = 50_000;

/** The earliest risk rule of `language` (in lexicon order) that the message matches, or null. */
export function detectRisk(text: string, language: RiskLanguage): RiskMatch | null {
  const lexicon = Object.hasOwn(COMPILED, language) ? COMPILED[language] : undefined;
  if (typeof text !== 'string' || text.length === 0 || !lexicon) return null;
  try {
    const inspected = text.length > MAX_INSPECTED_CHARS ? text.slice(0, MAX_INSPECTED_CHARS) : text;
    return runLexicon(lexicon, normalize(inspected, language));
  } catch {
    // unreachable for strings as far as we know; never let an error (which could quote the text) escape
    return null;
  } finally {
    // the legacy RegExp statics (RegExp.input, $_, lastMatch) would otherwise keep the last matched text alive
    FORGET.exec('');
  }
}
