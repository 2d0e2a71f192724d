import type { Lang } from './lang';

/** A counted word in each plural category the language uses (Intl.PluralRules). */
export interface PluralForms { one: string; few?: string; many?: string; other: string }

const rules = new Map<Lang, Intl.PluralRules>();

/** "5 minut", "22 minuty", "21 хвилина": the number with the form its plural category needs. */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  let rule = rules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  const category = rule.select(n) as keyof PluralForms;
  return `${n} ${forms[category] ?? forms.other}`;
}
