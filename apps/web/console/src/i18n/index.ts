import { en } from './en';
import { pl } from './pl';
import { uk } from './uk';

/** Every language's copy has the English copy's shape. */
export type Copy = typeof en;
import type { Lang } from '../../../shared/lang';

export { browserLang, isLang, LANGS, type Lang } from '../../../shared/lang';
/** Each language named in itself, for the language switch. */
export const NATIVE: Record<Lang, string> = { pl: 'Polski', uk: 'Українська', en: 'English' };
export const COPY: Record<Lang, Copy> = { pl, uk, en };
