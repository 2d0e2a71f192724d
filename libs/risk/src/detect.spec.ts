import { compileLexicon } from './detector';
import { detectRisk, LEXICON_VERSIONS, MAX_INSPECTED_CHARS, RISK_CATEGORIES, type RiskLanguage } from './index';
import { EN_LEXICON } from './lexicon/en';
import { PL_LEXICON } from './lexicon/pl';
import { UK_LEXICON } from './lexicon/uk';

const LANGUAGES: RiskLanguage[] = ['pl', 'uk', 'en'];
const LEXICONS = { pl: PL_LEXICON, uk: UK_LEXICON, en: EN_LEXICON };

describe('detectRisk: robustness', () => {
  const odd: string[] = [
    '',
    ' ',
    'a'.repeat(100_000),
    'kill '.repeat(20_000),
    'не '.repeat(30_000) + "вб'ю",
    '😀🔪💀'.repeat(1000),
    '\u0000\u0001\u0007\u001b[31m\u007f\u0085\u2028\u2029',
    '\uD800\uDC00\uDFFF\uD800', // lone surrogates
    '\u202Ekill me\u202C',
    'ﬁ ｋｉｌｌ ｍｅ Ⓚⓘⓛⓛ',
    '%s %d ${x} <script>alert(1)</script> \\ \\u0000',
    'z'.repeat(5000) + ' he will kill me',
  ];

  it.each(LANGUAGES)('never throws on odd input (%s)', (language) => {
    for (const text of odd) expect(() => detectRisk(text, language)).not.toThrow();
  });

  it('returns null for non-strings and unknown languages instead of throwing', () => {
    expect(detectRisk(undefined as unknown as string, 'en')).toBeNull();
    expect(detectRisk(42 as unknown as string, 'en')).toBeNull();
    expect(detectRisk('he will kill me', 'de' as RiskLanguage)).toBeNull();
  });

  it('finds a threat at the end of a long message, and inspects at most MAX_INSPECTED_CHARS', () => {
    const filler = 'we talked about the weather. '.repeat(1500); // 43,500 characters
    expect(detectRisk(`${filler}he will kill me`, 'en')?.category).toBe('threat-to-kill');
    expect(detectRisk(`${filler}${filler}he will kill me`, 'en')).toBeNull();
    expect(MAX_INSPECTED_CHARS).toBeGreaterThanOrEqual(4000 * 10);
  });

  it.each(LANGUAGES)('cannot backtrack catastrophically: no compiled pattern repeats without bound a group that itself repeats without bound (%s)', (language) => {
    // a deterministic guard where a timed one would be flaky: exponential backtracking needs
    // nested unbounded repetition ("(a+)+"), and the pattern language cannot express it; this
    // proves the compiled lexicon kept that promise (the speed itself is `npm run bench`)
    const lexicon = compileLexicon(LEXICONS[language]);
    const sources = [...lexicon.entries, ...lexicon.idioms].map((e) => e.re.source)
      .concat(lexicon.rules.flatMap((r) => [r.context?.source, r.unless?.source].filter((x): x is string => !!x)));
    expect(sources.length).toBeGreaterThan(50);
    for (const source of sources) expect(nestedUnboundedRepetition(source)).toEqual([]);
    expect(nestedUnboundedRepetition('(?: [^ .]+){0,3}x(?:ab*)c+')).toEqual([]);
    expect(nestedUnboundedRepetition('(?:a(?:b+))*')).toEqual(['(?:a(?:b+))*']);
  });

  it('reads full-width and compatibility characters (NFKC)', () => {
    expect(detectRisk('ｋｉｌｌ ｍｅ', 'en')?.category).toBe('threat-to-kill');
  });
});

describe('detectRisk: privacy', () => {
  const messages: [string, RiskLanguage, string[]][] = [
    ['he said he will kill me tomorrow, his name is Marek Nowak', 'en', ['marek', 'nowak', 'tomorrow']],
    ['powiedział że mnie zabije, mieszkam na Długiej 5', 'pl', ['długiej', 'dlugiej', 'zabije', 'mieszkam']],
    ["сказав що вб'є мене, мій номер 0501234567", 'uk', ['0501234567', 'сказав', 'мене']],
  ];

  it.each(messages)('returns only codes, never the text (%s)', (text, language, personal) => {
    const match = detectRisk(text, language);
    expect(match).not.toBeNull();
    expect(Object.keys(match ?? {}).sort()).toEqual(['category', 'lexiconVersion', 'ruleId']);
    const serialised = JSON.stringify(match).toLowerCase();
    for (const token of personal) expect(serialised).not.toContain(token);
    // no 8-character window of the message survives into the result
    const lower = text.toLowerCase();
    for (let i = 0; i + 8 <= lower.length; i += 1) expect(serialised).not.toContain(lower.slice(i, i + 8));
  });

  it('leaves no text in the legacy RegExp statics', () => {
    detectRisk('he said he will kill me, my name is Marek', 'en');
    const statics = RegExp as unknown as Record<string, string>;
    for (const key of ['input', '$_', 'lastMatch', '$&', 'leftContext', 'rightContext']) expect(statics[key] ?? '').not.toMatch(/marek|kil/i);
  });

  it('does not log', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
    for (const [text, language] of messages) detectRisk(text, language);
    detectRisk('\uD800'.repeat(10), 'uk');
    for (const spy of spies) {
      expect(spy).not.toHaveBeenCalled();
      spy.mockRestore();
    }
  });
});

describe('lexicons', () => {
  it.each(LANGUAGES)('%s: is versioned, marked for clinical review, and covers every category', (language) => {
    const lexicon = LEXICONS[language];
    expect(LEXICON_VERSIONS[language]).toBe(lexicon.version);
    expect(lexicon.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(lexicon.reviewStatus.length).toBeGreaterThan(20);
    expect(new Set(lexicon.rules.map((r) => r.category))).toEqual(new Set(RISK_CATEGORIES));
  });

  it.each(LANGUAGES)('%s: rule ids are unique and stable-looking', (language) => {
    const ids = LEXICONS[language].rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(new RegExp(`^${language}\\.[a-z]+\\.[a-z-]+$`));
  });
});

/**
 * The groups of a regular expression's source that are repeated without bound (`*`, `+`, `{n,}`)
 * while containing an unbounded repetition themselves: the shape of catastrophic backtracking.
 */
function nestedUnboundedRepetition(source: string): string[] {
  const found: string[] = [];
  const frames: { start: number; unbounded: boolean }[] = [{ start: 0, unbounded: false }];
  let closed: { start: number; unbounded: boolean } | undefined;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const unboundedHere = ch === '*' || ch === '+' || (ch === '{' && /^\{\d+,\}/.test(source.slice(i)));
    if (unboundedHere) {
      if (closed?.unbounded) found.push(source.slice(closed.start, source.indexOf(ch === '{' ? '}' : ch, i) + 1));
      frames[frames.length - 1].unbounded = true;
      closed = undefined;
      continue;
    }
    closed = undefined;
    if (ch === '\\') i++;
    else if (ch === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (ch === '(') frames.push({ start: i, unbounded: false });
    else if (ch === ')') {
      closed = frames.pop()!;
      frames[frames.length - 1].unbounded ||= closed.unbounded;
    }
  }
  return found;
}
