import type { App, View } from '../app';
import { h } from '../dom';

/** What a counsellor sees at a manager's or admin's address: no data, a plain explanation. */
export function forbiddenView(app: App): View {
  const el = h('section', { class: 'forbidden', 'data-qa': 'forbidden' });
  return {
    el,
    render() {
      el.replaceChildren(h('h1', {}, app.t.app.forbiddenTitle), h('p', {}, app.t.app.forbiddenText), h('p', {}, h('a', { href: '#/chats' }, app.t.app.nav.chats)));
    },
  };
}
