import { render, type ComponentChild } from 'preact';
import type { View } from './screens';

/**
 * A Preact component as one of the console's screens: the shell places `el` and calls
 * `render` (the first time, and again after a language change, which the component's
 * signals would redraw anyway). `leave` unmounts it, so its timers and requests stop.
 */
export function componentView(className: string, draw: () => ComponentChild, qa?: string): View {
  const el = document.createElement('section');
  el.className = className;
  if (qa) el.dataset.qa = qa;
  return {
    el,
    render: () => render(draw(), el),
    leave: () => render(null, el),
  };
}
