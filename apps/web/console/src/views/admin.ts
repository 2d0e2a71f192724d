import type { App, View } from '../app';
import { h } from '../dom';
import { AuditAdmin } from './admin-audit';
import { CannedAdmin } from './admin-canned';
import { ServicesAdmin } from './admin-services';
import { StaffAdmin } from './admin-staff';

const TABS = ['staff', 'services', 'canned', 'audit'] as const;
type Tab = (typeof TABS)[number];

export interface AdminSection { readonly el: HTMLElement; render(): void }

/** Administration: staff accounts, the services directory, quick replies and the audit log. */
export class AdminView implements View {
  readonly el = h('section', { class: 'admin' });
  private readonly tab: Tab;
  private readonly section: AdminSection;

  constructor(private readonly app: App, sub: string | undefined) {
    this.tab = (TABS as readonly string[]).includes(sub ?? '') ? (sub as Tab) : 'staff';
    this.section = this.tab === 'services' ? new ServicesAdmin(app) : this.tab === 'canned' ? new CannedAdmin(app) : this.tab === 'audit' ? new AuditAdmin(app) : new StaffAdmin(app);
  }

  render(): void {
    const t = this.app.t.admin;
    this.el.replaceChildren(
      h('h1', {}, t.title),
      h('nav', { class: 'subnav', 'aria-label': t.title }, h('ul', {}, ...TABS.map((tab) => h('li', {},
        h('a', { href: `#/admin/${tab}`, 'aria-current': tab === this.tab ? 'page' : undefined }, t.tabs[tab]))))),
      this.section.el);
    this.section.render();
  }
}
