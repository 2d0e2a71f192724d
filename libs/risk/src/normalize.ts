/**
 * Text normalisation shared by messages and lexicon patterns, so both meet as the same "skeleton":
 * NFKC, lower case, apostrophes, combining marks and invisible characters removed, Latin diacritics
 * folded (zabiję → zabije, nóż → noz), Cyrillic folded to one letter per sound family (ы/і/ї/й → и,
 * є/э/ё → е, ґ/х → г since Latin typists write h for both, ъ/ь dropped), Latin look-alikes inside
 * Cyrillic words mapped to Cyrillic ("нiж"),
 * runs of one letter collapsed ("killll" → "kil"; patterns collapse the same way, so "kill" still meets it),
 * words separated by one space, clause marks kept as " , " and sentence ends as " . ".
 * For Ukrainian, words typed in Latin letters are transliterated first ("vbyu" → "вбю", "ub'yu" → "убю").
 *
 * One pass over UTF-16 code units with a table built at load: Unicode-property regexes over Cyrillic
 * strings cost ~10× more in V8, and this runs on every chat message.
 */
import type { RiskLanguage } from './types';

const SEP = 0;
const LETTER = 1;
const REMOVE = 2;
const CLAUSE = 3;
const SENTENCE = 4;
const LATIN = 5; // a-z: letter, and marks the word as (partly) Latin
const CYRILLIC = 6;
const MULTI_LETTER = 7; // folds to two letters (ß → ss)

const CLASS = new Uint8Array(0x10000);
/** Replacement code for folded letters; 0 = keep. Multi-letter folds (ß → ss) live in MULTI. */
const FOLD = new Uint16Array(0x10000);
const MULTI = new Map<number, string>([[0xdf, 'ss'], [0xe6, 'ae'], [0x153, 'oe'], [0xfe, 'th']]);

const LATIN_EXTRA: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ŀ: 'l', ð: 'd' };
const CYRILLIC_FOLD: Record<string, string> = { ы: 'и', і: 'и', ї: 'и', й: 'и', ё: 'е', є: 'е', э: 'е', ґ: 'г', х: 'г', ў: 'у' };
const CYRILLIC_DROP = 'ъь';
const APOSTROPHES = "'’‘‛ʼʻʹʽ`´′ꞌ＇";
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/;
const SENTENCE_END = /[.!?;\n\r…¡¿。\u2028\u2029]/;
const CLAUSE_BREAK = /[,:–—()"«»„“”]/; // not "-": "self-harm", "вб'ю-вб'ю" stay adjacent words

(function buildTables(): void {
  for (let code = 0; code < 0x10000; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue; // surrogates (emoji etc.): separators
    const ch = String.fromCharCode(code);
    if (APOSTROPHES.includes(ch) || INVISIBLE.test(ch) || /\p{M}/u.test(ch)) CLASS[code] = REMOVE;
    else if (/[\p{L}\p{N}]/u.test(ch)) {
      CLASS[code] = /[a-z]/.test(ch) ? LATIN : /[\u0400-\u04ff]/.test(ch) ? CYRILLIC : LETTER;
      let folded = LATIN_EXTRA[ch] ?? CYRILLIC_FOLD[ch];
      if (!folded && code >= 0xc0 && code <= 0x24f) {
        const base = ch.normalize('NFD').charAt(0).toLowerCase();
        if (/^[a-z]$/.test(base)) folded = base;
      }
      if (CYRILLIC_DROP.includes(ch)) CLASS[code] = REMOVE;
      else if (folded) {
        FOLD[code] = folded.charCodeAt(0);
        if (/[a-z]/.test(folded)) CLASS[code] = LATIN;
      }
      if (MULTI.has(code)) CLASS[code] = MULTI_LETTER;
    } else if (SENTENCE_END.test(ch)) CLASS[code] = SENTENCE;
    else if (CLAUSE_BREAK.test(ch)) CLASS[code] = CLAUSE;
  }
})();

/** Latin look-alikes of Cyrillic letters, used only inside words written in both scripts. */
const HOMOGLYPH = new Uint16Array(128);
// outputs are already folded (x looks like х, which folds to г)
for (const [latin, cyrillic] of Object.entries({ a: 'а', c: 'с', e: 'е', i: 'и', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'г', y: 'у', h: 'н' })) {
  HOMOGLYPH[latin.charCodeAt(0)] = cyrillic.charCodeAt(0);
}

/** Latin → Cyrillic for Ukrainian (and Russian) typed in Latin letters, longest first, output already folded. */
const TRANSLIT_RE = /shch|sch|zh|kh|ch|sh|ts|ya|ja|ia|yu|ju|iu|ye|je|ie|yi|ji|yo|jo|[a-z]/g;
const TRANSLIT: Record<string, string> = {
  shch: 'щ', sch: 'щ', zh: 'ж', kh: 'г', ch: 'ч', sh: 'ш', ts: 'ц',
  ya: 'я', ja: 'я', ia: 'я', yu: 'ю', ju: 'ю', iu: 'ю', ye: 'е', je: 'е', ie: 'е', yi: 'и', ji: 'и', yo: 'ио', jo: 'ио',
  a: 'а', b: 'б', c: 'ц', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'г', i: 'и', j: 'и', k: 'к', l: 'л', m: 'м', n: 'н',
  o: 'о', p: 'п', q: 'к', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'г', y: 'и', z: 'з',
};
const REPEATED = /([а-я])\1+/g;

export function transliterateToCyrillic(latin: string): string {
  return latin.replace(TRANSLIT_RE, (m) => TRANSLIT[m] ?? m).replace(REPEATED, '$1');
}

const SPACE = 0x20;
const COMMA = 0x2c;
const DOT = 0x2e;
/** Shared output buffer for ordinary messages; zeroed after every use so no message text lingers in it. */
const SHARED = new Uint16Array(16_384);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16 = new TextDecoder(LITTLE_ENDIAN ? 'utf-16le' : 'utf-16be');

/** Everything except transliteration; see the file comment. Output is padded with one space each side. */
function skeletonOf(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  // worst case per input unit: a multi-letter fold (2) or a separator " . " before a letter (3 + 1)
  const size = s.length * 4 + 8;
  const buf = size <= SHARED.length ? SHARED : new Uint16Array(size);
  let n = 0;
  buf[n++] = SPACE;
  let pending = -1; // strongest separator class since the last letter; -1: inside a word
  let last = -1; // last letter emitted in the current word, for collapsing repeats
  let wordStart = 1;
  let wordLatin = false;
  let wordCyrillic = false;
  let mixed = false;
  for (let i = 0; i <= s.length; i += 1) {
    const code = i < s.length ? s.charCodeAt(i) : SPACE;
    const cls = CLASS[code];
    if (cls === REMOVE) continue;
    if (cls === SEP || cls === CLAUSE || cls === SENTENCE) {
      if (pending < 0) {
        if (wordLatin && wordCyrillic) {
          for (let j = wordStart; j < n; j += 1) if (buf[j] < 128 && HOMOGLYPH[buf[j]]) buf[j] = HOMOGLYPH[buf[j]];
          mixed = true;
        }
        wordLatin = false;
        wordCyrillic = false;
        last = -1;
      }
      if (cls > pending) pending = cls;
      continue;
    }
    if (pending >= 0) {
      if (n > 1) {
        buf[n++] = SPACE;
        if (pending !== SEP) {
          buf[n++] = pending === SENTENCE ? DOT : COMMA;
          buf[n++] = SPACE;
        }
      }
      pending = -1;
      wordStart = n;
    }
    if (cls === MULTI_LETTER) {
      const multi = MULTI.get(code) ?? '';
      buf[n++] = multi.charCodeAt(0);
      buf[n++] = multi.charCodeAt(1);
      last = -1;
    } else {
      const folded = FOLD[code] || code;
      if (folded !== last || code <= 0x39) buf[n++] = folded; // digits are not collapsed
      last = folded;
    }
    if (cls === LATIN) wordLatin = true;
    else if (cls === CYRILLIC) wordCyrillic = true;
  }
  if (n > 1) buf[n++] = SPACE;
  const out = UTF16.decode(buf.subarray(0, n));
  buf.fill(0, 0, n);
  return mixed ? out.replace(/([a-zа-я])\1+/g, '$1') : out;
}

/** The skeleton for one language: Ukrainian adds transliteration of Latin-letter words. */
function forLanguage(skeletonText: string, language: RiskLanguage): string {
  if (language !== 'uk' || !/[a-z]/.test(skeletonText)) return skeletonText;
  return skeletonText.replace(/[a-z]+/g, transliterateToCyrillic);
}

/**
 * The matching skeleton of `text` for `language`: words joined by single spaces, " , " and " . "
 * as clause and sentence marks, one space of padding at each end. Nothing is cached: the text is
 * not kept anywhere after the call.
 */
export function normalize(text: string, language: RiskLanguage): string {
  return forLanguage(skeletonOf(text), language);
}

/** Skeleton of one lexicon word or phrase, without padding. */
export function skeleton(phrase: string, language: RiskLanguage): string {
  return normalize(phrase, language).trim();
}
