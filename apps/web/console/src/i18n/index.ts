import type { Lang } from '../../../shared/lang';
import { en, type Copy } from './en';
import { pl } from './pl';
import { uk } from './uk';

export type { Copy } from './en';

export { browserLang, isLang, LANGS, type Lang } from '../../../shared/lang';
/** Each language named in itself, for the language switch. */
export const NATIVE: Record<Lang, string> = { pl: 'Polski', uk: 'Українська', en: 'English' };
export const COPY: Record<Lang, Copy> = { pl, uk, en };
