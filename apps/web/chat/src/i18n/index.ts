import { browserLang, isLang, type Lang } from '../../../shared/lang';
import type { Copy } from './copy';
import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

export type { Copy, Lang, PluralForms } from './copy';

export const COPY: Record<Lang, Copy> = { pl, uk, en };
export { isLang, LANGS } from '../../../shared/lang';

/**
 * `?lang=` wins, then the browser's languages in order, then Polish. A Russian-language
 * phone most often belongs to someone from Ukraine: Ukrainian serves them better than Polish.
 */
export function initialLanguage(search: string, browser: readonly string[]): Lang {
  const asked = new URLSearchParams(search).get('lang');
  return isLang(asked) ? asked : browserLang(browser);
}
