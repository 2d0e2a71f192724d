import { useState } from 'preact/hooks';

let counter = 0;
/** A fresh id for label/control and aria pairs. */
const uid = (prefix: string) => `${prefix}-${++counter}`;

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
