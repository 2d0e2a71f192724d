import { h } from '../dom';
import type { Copy, Lang } from '../i18n';

export interface Service {
  id: string; name: string; kind: string; phone: string | null; hours: string | null; region?: string | null; languages?: string[];
  /** set when the line does not speak the page's language: the languages it does speak */
  spokenIn?: Lang[];
}

export const EMERGENCY_KINDS = ['emergency', 'police'];

/**
 * The lines for a survivor writing in `lang`: those that speak it, and, in a country where
 * at least one does, that country's other lines too, marked with the language they speak
 * (a Ukrainian-speaking woman in Lublin should still see Niebieska Linia, "польською").
 */
export function linesFor(list: Service[], lang: Lang): Service[] {
  const speaks = (s: Service) => !s.languages || s.languages.includes(lang);
  const regions = new Set(list.filter(speaks).map((s) => s.region ?? ''));
  return list
    .filter((s) => speaks(s) || regions.has(s.region ?? ''))
    .map((s) => (speaks(s) ? s : { ...s, spokenIn: (s.languages ?? []).filter((l): l is Lang => l === 'pl' || l === 'uk' || l === 'en') }));
}

/** Large `tel:` links, grouped by country when there is more than one ("In Poland", "In Ukraine"). */
export function numbers(copy: Copy, services: Service[], headingLevel: 'h2' | 'h3' | 'none' = 'none', title = copy.numbersTitle): HTMLElement {
  const withPhone = services.filter((s) => s.phone);
  const regions = [...new Set(withPhone.map((s) => s.region ?? ''))];
  const section = h('section', { class: 'numbers', 'aria-label': title });
  if (headingLevel !== 'none') section.append(h(headingLevel, {}, title));
  for (const region of regions) {
    const here = withPhone.filter((s) => (s.region ?? '') === region);
    const label = regions.length > 1 && region ? copy.regions[region] ?? region : undefined;
    if (label) section.append(h('p', { class: 'region' }, label));
    section.append(h('ul', label ? { 'aria-label': label } : {}, ...here.map((s) => telLink(copy, s))));
  }
  return section;
}

function telLink(copy: Copy, s: Service): HTMLElement {
  const dial = s.phone!.replace(/[^+\d]/g, '');
  const spoken = s.spokenIn?.length ? ` · ${s.spokenIn.map((l) => copy.spokenIn[l]).join(', ')}` : '';
  return h('li', {}, h('a', { class: 'tel', href: `tel:${dial}` },
    h('span', { class: 'tel-number' }, s.phone!),
    h('span', { class: 'tel-name' }, s.name, s.hours ? ` · ${s.hours}` : '', spoken ? h('span', { class: 'tel-language' }, spoken) : '')));
}
