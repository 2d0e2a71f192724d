import { h } from '../dom';
import { COPY, type Lang } from '../i18n';
import { numbers, type Service } from './numbers';

export type EndReason = 'survivor' | 'counsellor' | 'timeout' | 'system' | 'gone' | 'moved';

/** A calm closing screen: what happened, the numbers to call, and a way to start again. */
export function endedView(lang: Lang, reason: EndReason, services: Service[], onNew: () => void): { el: HTMLElement; focus: () => void } {
  const c = COPY[lang];
  const title = h('h1', { tabindex: '-1' }, reason === 'moved' ? c.movedTitle : c.endedTitle);
  const text = { timeout: c.endedTimeout, gone: c.endedGone, moved: c.movedElsewhere }[reason as string] ?? c.endedText;
  const el = h('main', { class: 'screen ended', id: 'main' },
    title,
    h('p', {}, text),
    numbers(c, services, 'h2'),
    h('p', { class: 'tip' }, c.historyTip),
    h('button', { type: 'button', class: 'secondary', onclick: onNew }, c.newChat));
  return { el, focus: () => title.focus() };
}
