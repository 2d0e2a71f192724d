/**
 * Compiles the lexicon pattern DSL to a regular expression over normalised text (see normalize.ts).
 *
 *   token        word | stem* | stem{end1,end2,}   (letters only; `_` joins words: the_kids)
 *   alternatives a|b|c, optionally in parentheses: (a|b|c)
 *   optional     token?  or (a|b)?
 *   gap          ..N  up to N words (default 3), never across a sentence end; commas may be crossed
 *
 * Literals go through the same skeleton function as messages, so a pattern is written in ordinary
 * spelling ("zabiję", "вбʼю") and matches the folded forms ("zabije", "вбю", "vbyu").
 * Word boundaries are Unicode-aware lookarounds (`\p{L}`, `u` flag): JS `\b` knows only ASCII.
 */
import { skeleton } from './normalize';
import type { RiskLanguage } from './types';

const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
const WORD_TAIL = '[\\p{L}\\p{N}]*';
const GAP_WORD = '(?: [^ .]+)';
const DEFAULT_GAP = 3;

/** Raised at module load for a malformed lexicon entry; it carries the pattern, never message text. */
export class LexiconError extends Error {}

function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '{') depth += 1;
    if (ch === '}') depth -= 1;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** `za{bij,bije}e{,s}` → every combination. */
export function expandBraces(s: string): string[] {
  const open = s.indexOf('{');
  if (open < 0) return [s];
  const close = s.indexOf('}', open);
  if (close < 0) throw new LexiconError(`unclosed brace in "${s}"`);
  const head = s.slice(0, open);
  const tails = expandBraces(s.slice(close + 1));
  const out: string[] = [];
  for (const option of s.slice(open + 1, close).split(',')) for (const tail of tails) out.push(head + option + tail);
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function literal(word: string, language: RiskLanguage, src: string): string {
  if (!/^[\p{L}\p{N}'’ʼ`_-]+$/u.test(word)) throw new LexiconError(`bad literal "${word}" in pattern "${src}"`);
  const sk = skeleton(word.replace(/_/g, ' '), language);
  if (!/^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u.test(sk)) throw new LexiconError(`literal "${word}" normalises to "${sk}" in "${src}"`);
  return sk;
}

interface CompiledToken {
  readonly re: string;
  readonly optional: boolean;
  /** Skeleton words a match of this token can start with, and stems it can start with. */
  readonly firstWords: readonly string[];
  readonly firstStems: readonly string[];
}

function compileToken(token: string, language: RiskLanguage, src: string): CompiledToken {
  let t = token;
  const optional = t.endsWith('?');
  if (optional) t = t.slice(0, -1);
  if (t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1);
  const alternatives = new Set<string>();
  const firstWords = new Set<string>();
  const firstStems = new Set<string>();
  for (const alt of splitTopLevel(t, '|')) {
    const prefix = alt.endsWith('*');
    const body = prefix ? alt.slice(0, -1) : alt;
    if (!body) throw new LexiconError(`empty alternative in "${src}"`);
    for (const word of expandBraces(body)) {
      if (!word) throw new LexiconError(`empty word in "${src}"`);
      const sk = literal(word, language, src);
      alternatives.add(escape(sk) + (prefix ? WORD_TAIL : ''));
      const space = sk.indexOf(' ');
      if (space >= 0) firstWords.add(sk.slice(0, space));
      else (prefix ? firstStems : firstWords).add(sk);
    }
  }
  const sorted = [...alternatives].sort((a, b) => b.length - a.length);
  return { re: `(?:${sorted.join('|')})`, optional, firstWords: [...firstWords], firstStems: [...firstStems] };
}

export interface CompiledPattern {
  /** Regex source, no flags. */
  readonly source: string;
  /** Every match starts with one of these words, or with a word that starts with one of these stems. */
  readonly firstWords: readonly string[];
  readonly firstStems: readonly string[];
}

/** Compiles one DSL pattern. */
export function compilePattern(src: string, language: RiskLanguage): CompiledPattern {
  const tokens = src.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) throw new LexiconError('empty pattern');
  let out = START;
  let first: CompiledToken | undefined;
  let pendingGap = '';
  for (const token of tokens) {
    const gap = /^\.\.(\d*)$/.exec(token);
    if (gap) {
      if (!first) throw new LexiconError(`pattern "${src}" starts with a gap`);
      pendingGap += `${GAP_WORD}{0,${gap[1] ? Number(gap[1]) : DEFAULT_GAP}}`;
      continue;
    }
    const compiled = compileToken(token, language, src);
    if (!first) {
      if (compiled.optional) throw new LexiconError(`pattern "${src}" starts with an optional token`);
      out += compiled.re;
      first = compiled;
    } else {
      out += pendingGap + (compiled.optional ? `(?: ${compiled.re})?` : ` ${compiled.re}`);
    }
    pendingGap = '';
  }
  if (pendingGap || !first) throw new LexiconError(`pattern "${src}" ends with a gap`);
  return { source: out + END, firstWords: first.firstWords, firstStems: first.firstStems };
}

export interface CompiledPatternSet {
  readonly re: RegExp;
  readonly firstWords: readonly string[];
  readonly firstStems: readonly string[];
}

/** One regex for a list of patterns, with the union of their first words and stems (null for an empty list). */
export function compilePatterns(patterns: readonly string[] | undefined, language: RiskLanguage, flags: string): CompiledPatternSet | null {
  if (!patterns || patterns.length === 0) return null;
  const compiled = patterns.map((p) => compilePattern(p, language));
  return {
    re: new RegExp(compiled.map((c) => c.source).join('|'), flags),
    firstWords: [...new Set(compiled.flatMap((c) => c.firstWords))],
    firstStems: [...new Set(compiled.flatMap((c) => c.firstStems))],
  };
}
