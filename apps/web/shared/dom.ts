type Attrs = Record<string, string | number | boolean | undefined | null | ((e: Event) => void)>;
export type Child = Node | string | number | null | undefined | false;

/**
 * A tiny element builder for the pages drawn by hand: text goes in as text, never as HTML;
 * no inline styles (CSP). Kept this small on purpose: the survivor page carries it.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, ''), value);
    // the DOM turns a number into its text
    else el.setAttribute(key, value === true ? '' : (value as string));
  }
  // a number is appended as its text
  for (const child of children) if (child != null && child !== false) el.append(child as string);
  return el;
}
