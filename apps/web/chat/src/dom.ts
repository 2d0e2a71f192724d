/** The element builder both web apps share (text as text, never HTML; no inline styles). */
export { h } from '../../shared/dom';

/** Says something to screen readers through the page's polite live region. */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  // a fresh text node each time, so the same words said twice are read twice
  region.replaceChildren(document.createTextNode(text));
}
