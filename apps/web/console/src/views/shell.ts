import { effect } from '@preact/signals';
import type { App, Presence, View } from '../app';
import { focusHeading, h, options, uid } from '../dom';
import { isLang, LANGS, NATIVE } from '../i18n';
import { clearNotice, connection, notices } from '../store';

const PRESENCES: Presence[] = ['available', 'away', 'offline'];

/**
 * The frame around every section: the header (sections, my status, connection, language,
 * sound, sign out), notices that must not be missed, and the main area.
 */
export class Shell {
  readonly el = h('div', { class: 'shell' });
  private readonly main = h('main', { id: 'main', tabindex: '-1' });
  private readonly noticesEl = h('div', { class: 'notices' });
  private presenceSelect?: HTMLSelectElement;
  private connectionEl = h('span', { class: 'connection connecting', role: 'status' });
  private badge = 0;
  private badgeEl = h('span', { class: 'badge', hidden: true });
  private current?: View;
  private section = '';

  constructor(private readonly app: App) {
    // my menu closes on a click elsewhere and on Escape (back to my name)
    document.addEventListener('click', (e) => {
      const menu = this.el.querySelector<HTMLDetailsElement>('details.me[open]');
      if (menu && !menu.contains(e.target as Node)) menu.open = false;
    });
    document.addEventListener('keydown', (e) => {
      const menu = this.el.querySelector<HTMLDetailsElement>('details.me[open]');
      if (e.key !== 'Escape' || !menu) return;
      menu.open = false;
      menu.querySelector<HTMLElement>('summary')?.focus();
    });
    // the socket's state and the notices, drawn wherever they change
    effect(() => this.setConnection());
    effect(() => this.renderNotices());
  }

  render(): void {
    const { t, staff } = this.app;
    const nav = h('nav', { class: 'sections', 'aria-label': t.app.sections },
      h('ul', {},
        this.navLink('chats', t.app.nav.chats, this.badgeEl),
        this.app.isManager && this.navLink('board', t.app.nav.board),
        this.app.isManager && this.navLink('stats', t.app.nav.stats),
        this.app.isAdmin && this.navLink('admin', t.app.nav.admin)));
    this.presenceSelect = h('select', { 'data-qa': 'presence', class: `presence-select is-${this.app.presence}`, onchange: (e: Event) => {
      const value = (e.target as HTMLSelectElement).value as Presence;
      this.presenceSelect!.className = `presence-select is-${value}`;
      void this.app.choosePresence(value);
    } }, ...options(PRESENCES, (p) => t.presence[p as Presence], this.app.presence));
    const language = h('select', { id: uid('ui-language'), onchange: (e: Event) => {
      const value = (e.target as HTMLSelectElement).value;
      if (!isLang(value)) return;
      void this.app.setLang(value);
      this.el.querySelector<HTMLElement>('.me summary')?.focus();
    } }, ...LANGS.map((l) => h('option', { value: l, lang: l, selected: l === this.app.lang }, NATIVE[l])));
    const sound = h('input', { type: 'checkbox', checked: this.app.attention.soundOn, onchange: (e: Event) => this.app.attention.setSound((e.target as HTMLInputElement).checked) });
    this.setConnection();
    const role = staff ? t.app.roles[staff.role] : '';
    // One row at 1280 px in every language and role: what is needed all shift long stays in the
    // row (sections, my status, the connection, the sound); who I am, the console's language and
    // signing out open from my name.
    const header = h('header', { class: 'top' },
      h('a', { class: 'skip', href: '#main', onclick: (e: Event) => { e.preventDefault(); this.main.focus(); } }, t.app.skip),
      h('span', { class: 'brand' }, 'Prystan'),
      nav,
      h('div', { class: 'presence' }, h('label', { class: 'inline' }, h('span', { class: 'visually-hidden' }, t.presence.label), this.presenceSelect)),
      this.connectionEl,
      h('div', { class: 'tools' },
        h('label', { class: 'check sound' }, sound, t.app.sound),
        h('details', { class: 'me' },
          h('summary', { 'aria-label': `${staff?.name ?? ''} · ${role}` }, h('strong', {}, staff?.name ?? '')),
          h('div', { class: 'me-menu' },
            h('p', { class: 'role' }, h('span', {}, staff?.name ?? ''), role),
            h('div', { class: 'field' }, h('label', { for: language.id }, t.app.uiLanguage), language),
            h('button', { type: 'button', class: 'secondary', 'data-qa': 'sign-out', onclick: () => void this.app.signOut() }, t.app.signOut)))));
    // the header and the notices that must not be missed stay in view while the page scrolls
    this.el.replaceChildren(h('div', { class: 'masthead' }, header, this.noticesEl), this.main);
    this.renderNotices();
    this.setBadge(this.badge);
    if (this.current && !this.main.contains(this.current.el)) this.main.replaceChildren(this.current.el);
  }

  show(view: View, section: string, focus: boolean): void {
    this.current = view;
    this.section = section === 'board' || section === 'stats' || section === 'admin' ? section : 'chats';
    this.main.dataset.section = this.section;
    this.main.replaceChildren(view.el);
    view.render();
    for (const link of this.el.querySelectorAll<HTMLAnchorElement>('nav.sections a')) {
      if (link.dataset.section === this.section) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (focus) focusHeading(this.main.querySelector('h1'));
  }

  private setConnection(): void {
    const state = connection.value;
    this.connectionEl.className = `connection ${state}`;
    this.connectionEl.textContent = this.app.t.app.connection[state];
  }

  setPresence(status: Presence): void {
    if (!this.presenceSelect) return;
    this.presenceSelect.value = status;
    this.presenceSelect.className = `presence-select is-${status}`;
  }

  /** Offers, unread messages and chats that need their form, on the Chats link. */
  setBadge(count: number): void {
    this.badge = count;
    this.badgeEl.textContent = String(count);
    this.badgeEl.hidden = count === 0;
  }

  private renderNotices(): void {
    const t = this.app.t;
    // not live regions themselves: App.notify says each notice once through the page's announcers
    this.noticesEl.replaceChildren(...notices.value.map((n) => h('div', { class: `notice ${n.kind}` },
      n.link ? h('a', { href: n.link }, n.text) : h('span', {}, n.text),
      h('button', { type: 'button', class: 'quiet small', onclick: () => clearNotice(n.key) }, t.app.dismiss))));
  }

  private navLink(section: string, label: string, extra?: HTMLElement): HTMLElement {
    return h('li', {}, h('a', { href: `#/${section}`, 'data-section': section, 'aria-current': this.section === section ? 'page' : undefined }, label, extra ? ' ' : '', extra));
  }
}
