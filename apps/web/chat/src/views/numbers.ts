import { h } from '../dom';
import type { Copy } from '../i18n';

export interface Service { id: string; name: string; kind: string; phone: string | null; hours: string | null; region?: string | null }

export const EMERGENCY_KINDS = ['emergency', 'police'];

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
    section.append(h('ul', label ? { 'aria-label': label } : {}, ...here.map(telLink)));
  }
  return section;
}

function telLink(s: Service): HTMLElement {
  const dial = s.phone!.replace(/[^+\d]/g, '');
  return h('li', {}, h('a', { class: 'tel', href: `tel:${dial}` },
    h('span', { class: 'tel-number' }, s.phone!),
    h('span', { class: 'tel-name' }, s.name, s.hours ? ` · ${s.hours}` : '')));
}
