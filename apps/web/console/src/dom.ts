import { useState } from 'preact/hooks';
import { h } from '../../shared/dom';

/** The element builder both web apps share, for the views still drawn by hand (text as text, never HTML; no inline styles). */
export { h, type Child } from '../../shared/dom';

let counter = 0;
/** A fresh id for label/control and aria pairs. */
export const uid = (prefix: string) => `${prefix}-${++counter}`;

/** A labelled control: the label names it, an optional hint describes it. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  control.id ||= uid('f');
  const hintEl = hint ? h('span', { class: 'hint', id: uid('hint') }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

export function options(values: readonly string[], label: (v: string) => string, selected?: string, placeholder?: string): HTMLOptionElement[] {
  const list = values.map((v) => h('option', { value: v, selected: v === selected }, label(v)));
  return placeholder === undefined ? list : [h('option', { value: '', selected: !selected }, placeholder), ...list];
}

/** Says something to screen readers; `assertive` interrupts (offers, alerts). */
export function announce(text: string, assertive = false): void {
  const region = document.getElementById(assertive ? 'alerter' : 'announcer');
  if (region) region.replaceChildren(document.createTextNode(text));
}

/** Moves focus to an element that is not focusable by itself (a heading after navigation). */
export function focusHeading(el: HTMLElement | null): void {
  if (!el) return;
  el.setAttribute('tabindex', '-1');
  el.focus();
}

/**
 * A fresh id kept for a component's life. Not Preact's `useId`: that one counts within one
 * render root, and the console has several (the shell, each section, the sign-in dialog),
 * so two of them could hand out the same id.
 */
export function useUid(prefix: string): string {
  return useState(() => uid(prefix))[0];
}
