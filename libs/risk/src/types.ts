/** Shared types of the risk lexicon. Kept dependency-free: libs/risk imports nothing from other libs. */

export type RiskLanguage = 'pl' | 'uk' | 'en';

export type RiskCategory =
  | 'threat-to-kill'
  | 'weapon'
  | 'strangulation'
  | 'suicide'
  | 'child-danger'
  | 'sexual-violence'
  | 'immediate-danger';

export const RISK_CATEGORIES: readonly RiskCategory[] = [
  'threat-to-kill',
  'weapon',
  'strangulation',
  'suicide',
  'child-danger',
  'sexual-violence',
  'immediate-danger',
];

/**
 * One reviewed rule. Patterns use the small DSL described in libs/risk/README.md:
 * space-separated tokens; `stem*` prefix; `stem{a,b,}` endings; `a|b` alternatives; `a_b` two words in
 * one alternative; `tok?` optional; `..N` up to N words in between (never across a sentence end).
 */
export interface LexiconRule {
  /** Stable id, `<lang>.<family>.<name>`; it travels to counsellors and logs instead of the text. */
  readonly id: string;
  readonly category: RiskCategory;
  /** Any one of these matching raises the flag (subject to negation, context and unless). */
  readonly patterns: readonly string[];
  /** If given, one of these must also match in the same sentence (for ambiguous words such as "knife"). */
  readonly context?: readonly string[];
  /** If one of these matches in the same sentence, the match is dropped (rule-specific idioms). */
  readonly unless?: readonly string[];
  /**
   * Default true: a negator shortly before or inside the match cancels it ("he did not threaten me").
   * 'before': only a negator before the match counts (patterns that contain "never"/"nie" themselves).
   * false: never cancelled (the negation is part of the meaning: "I don't want to live").
   */
  readonly negatable?: boolean | 'before';
  /** Why the rule exists or what reviewers should check. Never message text from real chats. */
  readonly note?: string;
}

export interface NegationConfig {
  /** Words that negate what follows ("not", "nie", "не"). */
  readonly negators: readonly string[];
  /** How many words before a match are searched for a negator. */
  readonly window: number;
  /** Words that end the negation scope ("but", "ale", "але"); commas and sentence ends always do. */
  readonly scopeBreakers: readonly string[];
  /**
   * A word just before the negator that turns it into something else: a condition ("if you don't … I'll kill
   * you", "jak nie …") or "almost" ("o mało nie zabił", "мало не вбив").
   */
  readonly conditionals: readonly string[];
  /** Negators that follow what they negate, checked in the next two words ("зброї немає"). */
  readonly postNegators?: readonly string[];
  /** A negator directly followed by one of these negates something else ("I don't know if he'll kill me"). */
  readonly exempt: readonly string[];
}

export interface Lexicon {
  readonly language: RiskLanguage;
  /** Date-based version, bumped on every change: it is stored with each flag. */
  readonly version: string;
  readonly reviewStatus: string;
  readonly negation: NegationConfig;
  /** Idioms removed from the text before rules run ("kill time", "zabić czas", "вбити час"). */
  readonly idioms: readonly string[];
  readonly rules: readonly LexiconRule[];
}

export interface RiskMatch {
  category: RiskCategory;
  /** The lexicon rule, or `model.<lang>.<category>` when the statistical model raised the flag. */
  ruleId: string;
  /** The version of what raised the flag: the lexicon's, or the model's (`YYYY-MM-DD.N+<hash>`) for a model flag. */
  lexiconVersion: string;
  /** Model flags only: P(any risk) of the message, rounded down to two decimals. */
  probability?: number;
  /**
   * Model flags only, and only when true: the probability is below the model's priority threshold, so the flag shows
   * the counsellor a banner but does not move the session in the line or alert the duty manager.
   */
  advisory?: true;
}
