import { useState } from 'preact/hooks';
type Handler = (e: Event) => void;
type Attrs = Record<string, string | number | boolean | undefined | null | Handler>;
export type Child = Node | string | number | null | undefined | false;

function apply(el: Element, attrs: Attrs, children: Child[]): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(typeof child === 'number' ? String(child) : child);
}

/** A tiny element builder: text goes in as text, never as HTML; no inline styles (CSP). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs, children);
  return el;
}

export function svg(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  apply(el, attrs, children);
  return el;
}

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
