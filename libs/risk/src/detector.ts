/**
 * Runs a compiled lexicon over a normalised message. Cheap and explainable on purpose:
 * - a rule matches where one of its patterns matches; the first rule in lexicon order with an accepted match wins;
 * - a match is dropped when a negator stands shortly before it in the same clause or inside it (unless "if"/"almost"
 *   stands before the negator, or the negator is followed by "know"/"wiem"/"знаю"), or a post-negator follows it;
 *   when a required context is missing from its sentence; when a rule-specific `unless` matches in its sentence;
 *   or when it overlaps a language-level idiom ("kill time").
 * Speed: each pattern compiles to its own sticky regex; the words a pattern can start with are indexed, each
 * message word is looked up once (most words are rejected by a 64K-bit table without slicing), and a regex runs only
 * at the words that can start it. The regexes keep their Unicode word-boundary lookarounds.
 */
import { compilePattern, compilePatterns, LexiconError, type CompiledPattern } from './pattern';
import { skeleton } from './normalize';
import type { Lexicon, RiskCategory, RiskLanguage, RiskMatch } from './types';

interface CompiledRule {
  readonly id: string;
  readonly category: RiskCategory;
  readonly negatable: boolean | 'before';
  readonly context: RegExp | null;
  readonly unless: RegExp | null;
}

/** Hits are packed as `entry * SLOT + position` (entries are numbered in rule order). */
const SLOT = 2 ** 26;
/** Normalised text beyond this is not inspected (a 64M-character chat message is not a chat message). */
const MAX_TEXT = SLOT - 1;

/** Hash of a word's first three code units (space-padded; 0 stands for "any"). */
function head(c1: number, c2: number, c3: number): number {
  return (Math.imul(c1, 961) + Math.imul(c2, 31) + c3) & 0xffff;
}

/**
 * First-word index over entries (one compiled pattern each): exact words, and stems grouped by first code unit.
 * `mayStart` answers from a 64K-bit table without slicing the word, so most words cost a few array reads.
 */
class TriggerIndex {
  private readonly words = new Map<string, number[]>();
  private readonly stems = new Map<number, { stem: string; id: number }[]>();
  private readonly heads = new Uint8Array(0x10000);
  private shortStems = false;

  mayStart(h3: number, h2: number, h1: number): boolean {
    return this.heads[h3] === 1 || (this.shortStems && (this.heads[h2] === 1 || this.heads[h1] === 1));
  }

  add(pattern: CompiledPattern, id: number): void {
    const code = (w: string, i: number): number => (i < w.length ? w.charCodeAt(i) : 0x20);
    for (const w of pattern.firstWords) {
      this.heads[head(code(w, 0), code(w, 1), code(w, 2))] = 1;
      const ids = this.words.get(w) ?? [];
      if (!ids.includes(id)) ids.push(id);
      this.words.set(w, ids);
    }
    for (const stem of pattern.firstStems) {
      if (stem.length >= 3) this.heads[head(code(stem, 0), code(stem, 1), code(stem, 2))] = 1;
      else {
        this.heads[head(code(stem, 0), stem.length === 2 ? code(stem, 1) : 0, 0)] = 1;
        this.shortStems = true;
      }
      const list = this.stems.get(stem.charCodeAt(0)) ?? [];
      list.push({ stem, id });
      this.stems.set(stem.charCodeAt(0), list);
    }
  }

  /** Pushes `id * SLOT + pos` for every entry that can start at `word` (an id may repeat). */
  lookup(word: string, pos: number, out: number[]): void {
    const ids = this.words.get(word);
    if (ids !== undefined) for (let i = 0; i < ids.length; i += 1) out.push(ids[i] * SLOT + pos);
    const stems = this.stems.get(word.charCodeAt(0));
    if (stems !== undefined) for (let i = 0; i < stems.length; i += 1) if (word.startsWith(stems[i].stem)) out.push(stems[i].id * SLOT + pos);
  }
}

/** One compiled pattern of a rule (or an idiom): a sticky regex, run only where its first word stands. */
interface Entry {
  readonly rule: number;
  readonly re: RegExp;
}

export interface CompiledLexicon {
  readonly language: RiskLanguage;
  readonly version: string;
  readonly rules: readonly CompiledRule[];
  /** Patterns of all rules, in rule order. */
  readonly entries: readonly Entry[];
  readonly ruleIndex: TriggerIndex;
  readonly idioms: readonly Entry[];
  readonly idiomIndex: TriggerIndex;
  readonly negators: ReadonlySet<string>;
  readonly postNegators: ReadonlySet<string>;
  readonly breakers: ReadonlySet<string>;
  readonly conditionals: ReadonlySet<string>;
  readonly exempt: ReadonlySet<string>;
  readonly window: number;
}

function wordSet(words: readonly string[], language: RiskLanguage): ReadonlySet<string> {
  return new Set(words.map((w) => skeleton(w.replace(/_/g, ' '), language)).filter((w) => w.length > 0));
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const lang = lexicon.language;
  const ids = new Set<string>();
  const ruleIndex = new TriggerIndex();
  const entries: Entry[] = [];
  const rules = lexicon.rules.map((rule, i) => {
    if (ids.has(rule.id)) throw new LexiconError(`duplicate rule id ${rule.id}`);
    if (!rule.id.startsWith(`${lang}.`)) throw new LexiconError(`rule id ${rule.id} must start with "${lang}."`);
    if (rule.patterns.length === 0) throw new LexiconError(`rule ${rule.id} has no patterns`);
    ids.add(rule.id);
    for (const src of rule.patterns) {
      const pattern = compilePattern(src, lang);
      ruleIndex.add(pattern, entries.length);
      entries.push({ rule: i, re: new RegExp(pattern.source, 'uy') });
    }
    return {
      id: rule.id,
      category: rule.category,
      negatable: rule.negatable ?? true,
      context: compilePatterns(rule.context, lang, 'u')?.re ?? null,
      unless: compilePatterns(rule.unless, lang, 'u')?.re ?? null,
    };
  });
  const idiomIndex = new TriggerIndex();
  const idioms = lexicon.idioms.map((src, i) => {
    const pattern = compilePattern(src, lang);
    idiomIndex.add(pattern, i);
    return { rule: -1, re: new RegExp(pattern.source, 'uy') };
  });
  const n = lexicon.negation;
  return {
    language: lang,
    version: lexicon.version,
    rules,
    entries,
    ruleIndex,
    idioms,
    idiomIndex,
    negators: wordSet(n.negators, lang),
    postNegators: wordSet(n.postNegators ?? [], lang),
    breakers: wordSet(n.scopeBreakers, lang),
    conditionals: wordSet(n.conditionals, lang),
    exempt: wordSet(n.exempt, lang),
    window: n.window,
  };
}

/** Start of the word that ends just before `end` (text is single-space separated and space padded). */
function previousWordStart(text: string, end: number): number {
  return text.lastIndexOf(' ', end - 1) + 1;
}

function hasConditionalBefore(lex: CompiledLexicon, text: string, end: number): boolean {
  for (let seen = 0; seen < 2 && end > 0; seen += 1) {
    const from = previousWordStart(text, end);
    const word = text.slice(from, end);
    if (word === '.') return false;
    if (lex.conditionals.has(word)) return true;
    end = from - 1;
  }
  return false;
}

/** A negator at word [from, end): does it negate, or is it "if not", "almost", "I don't know"? */
function negates(lex: CompiledLexicon, text: string, from: number, end: number): boolean {
  const next = text.slice(end + 1, text.indexOf(' ', end + 1));
  return !lex.exempt.has(next) && !hasConditionalBefore(lex, text, from - 1);
}

/**
 * Negated when a negator stands within `window` words before the match (same clause) or inside it
 * ("he is not coming back" across a gap), or a post-negator within two words after it ("зброї немає").
 */
function isNegated(lex: CompiledLexicon, text: string, start: number, stop: number, inside: boolean): boolean {
  for (let from = start; inside && from < stop; ) {
    let end = text.indexOf(' ', from);
    if (end < 0 || end > stop) end = stop;
    if (lex.negators.has(text.slice(from, end)) && negates(lex, text, from, end)) return true;
    from = end + 1;
  }
  let end = start - 1; // text[start - 1] is the space before the match
  for (let seen = 0; seen < lex.window && end > 0; seen += 1) {
    const from = previousWordStart(text, end);
    const word = text.slice(from, end);
    if (word === '.' || word === ',' || lex.breakers.has(word)) break;
    if (lex.negators.has(word)) return negates(lex, text, from, end);
    end = from - 1;
  }
  for (let from = stop + 1, seen = 0; seen < 2 && from < text.length; seen += 1) {
    const to = text.indexOf(' ', from);
    if (to < 0) break;
    const word = text.slice(from, to);
    if (word === '.' || word === ',') break;
    if (lex.postNegators.has(word)) return true;
    from = to + 1;
  }
  return false;
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf(' . ', start);
  const to = text.indexOf(' . ', end);
  return text.slice(from < 0 ? 0 : from + 1, to < 0 ? text.length : to + 1);
}

function accepted(lex: CompiledLexicon, rule: CompiledRule, text: string, start: number, end: number): boolean {
  if (rule.negatable && isNegated(lex, text, start, end, rule.negatable === true)) return false;
  if (rule.context || rule.unless) {
    const sentence = sentenceAround(text, start, end);
    if (rule.context && !rule.context.test(sentence)) return false;
    if (rule.unless && rule.unless.test(sentence)) return false;
  }
  return true;
}

function matchAt(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m === null ? -1 : pos + m[0].length;
}

/** The accepted match of the earliest rule (in lexicon order) in an already normalised text, or null. */
export function runLexicon(lex: CompiledLexicon, normalised: string): RiskMatch | null {
  const text = normalised.length > MAX_TEXT ? `${normalised.slice(0, MAX_TEXT - 1)} ` : normalised;
  const hits: number[] = [];
  const idiomHits: number[] = [];
  const length = text.length;
  for (let pos = 1; pos < length; ) {
    let end = pos;
    while (end < length && text.charCodeAt(end) !== 0x20) end += 1;
    if (end > pos) {
      const c1 = text.charCodeAt(pos);
      const c2 = end > pos + 1 ? text.charCodeAt(pos + 1) : 0x20;
      const h3 = head(c1, c2, end > pos + 2 ? text.charCodeAt(pos + 2) : 0x20);
      const h2 = head(c1, c2, 0);
      const h1 = head(c1, 0, 0);
      const rule = lex.ruleIndex.mayStart(h3, h2, h1);
      const idiom = lex.idiomIndex.mayStart(h3, h2, h1);
      if (rule || idiom) {
        const word = text.slice(pos, end);
        if (rule) lex.ruleIndex.lookup(word, pos, hits);
        if (idiom) lex.idiomIndex.lookup(word, pos, idiomHits);
      }
    }
    pos = end + 1;
  }
  if (hits.length === 0) return null;
  const idiomSpans: number[] = []; // start, end pairs
  for (const hit of idiomHits) {
    const start = hit % SLOT;
    const stop = matchAt(lex.idioms[Math.floor(hit / SLOT)].re, text, start);
    if (stop > 0) idiomSpans.push(start, stop);
  }
  // the earliest rule (lowest entry) wins; hits come in text order, so keep the best accepted one so far
  let best = Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < hits.length; i += 1) {
    const entryIndex = Math.floor(hits[i] / SLOT);
    if (entryIndex >= best) continue;
    const entry = lex.entries[entryIndex];
    const start = hits[i] % SLOT;
    const stop = matchAt(entry.re, text, start);
    if (stop < 0 || overlapsIdiom(idiomSpans, start, stop)) continue;
    if (accepted(lex, lex.rules[entry.rule], text, start, stop)) best = entryIndex;
  }
  if (best === Number.MAX_SAFE_INTEGER) return null;
  const rule = lex.rules[lex.entries[best].rule];
  return { category: rule.category, ruleId: rule.id, lexiconVersion: lex.version };
}

function overlapsIdiom(spans: readonly number[], start: number, stop: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (spans[i] < stop && start < spans[i + 1]) return true;
  return false;
}
