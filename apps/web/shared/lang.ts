/** The languages both web apps speak, in the order they are offered. */
export type Lang = 'pl' | 'uk' | 'en';

export const LANGS: Lang[] = ['pl', 'uk', 'en'];

/** `includes` compares by SameValueZero: anything but one of these strings is false, no type test needed. */
export function isLang(value: unknown): value is Lang {
  return (LANGS as unknown[]).includes(value);
}

/**
 * The browser's first language we have, else Polish. A Russian-language browser most often
 * belongs to someone from Ukraine: Ukrainian serves them better than Polish.
 */
export function browserLang(tags: readonly string[]): Lang {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
    if (base === 'ru') return 'uk';
  }
  return 'pl';
}
