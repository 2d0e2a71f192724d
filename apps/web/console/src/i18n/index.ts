import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

/** Every language's copy has the English copy's shape. */
export type Copy = typeof en;
export type Lang = 'pl' | 'uk' | 'en';

export const LANGS: Lang[] = ['pl', 'uk', 'en'];
/** Each language named in itself, for the language switch. */
export const NATIVE: Record<Lang, string> = { pl: 'Polski', uk: 'Українська', en: 'English' };
export const COPY: Record<Lang, Copy> = { pl, uk, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as string[]).includes(value);
}

/** The browser's first language we have, else Polish (a Russian-language browser gets Ukrainian). */
export function browserLang(tags: readonly string[]): Lang {
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
    if (base === 'ru') return 'uk';
  }
  return 'pl';
}
