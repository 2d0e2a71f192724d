import type { Copy, Lang } from './copy';
import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

export type { Copy, Lang, PluralForms } from './copy';

export const COPY: Record<Lang, Copy> = { pl, uk, en };
export const LANGS: Lang[] = ['pl', 'uk', 'en'];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as string[]).includes(value);
}

/**
 * `?lang=` wins, then the browser's languages in order, then Polish. A Russian-language
 * phone most often belongs to someone from Ukraine: Ukrainian serves them better than Polish.
 */
export function initialLanguage(search: string, browser: readonly string[]): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (isLang(asked)) return asked;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
    if (base === 'ru') return 'uk';
  }
  return 'pl';
}
