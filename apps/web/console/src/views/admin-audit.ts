import type { App } from '../app';
import { h } from '../dom';
import { dateTime } from '../format';
import type { AdminSection } from './admin';

interface Entry { at: string; staffName: string | null; action: string; sessionId: string | null; targetName: string | null }

/** The staff audit trail: who followed, transferred or reassigned which chat. */
export class AuditAdmin implements AdminSection {
  readonly el = h('section', { class: 'admin-section' });
  private entries?: Entry[];

  constructor(private readonly app: App) {
    void app.api.get<Entry[]>('/api/admin/audit?limit=200').then((e) => { this.entries = e; this.render(); }, () => { this.entries = []; this.render(); });
  }

  render(): void {
    const t = this.app.t;
    const a = t.admin.audit;
    const rows = this.entries;
    this.el.replaceChildren(h('h2', {}, t.admin.tabs.audit), h('p', { class: 'tip' }, a.intro),
      !rows ? h('p', {}, t.app.loading) : rows.length === 0 ? h('p', { class: 'tip' }, a.empty) : h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ...[a.at, a.who, a.action, a.session, a.target].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, ...rows.map((e) => h('tr', {},
          h('td', { class: 'num' }, dateTime(e.at, this.app.lang)),
          h('td', {}, e.staffName ?? t.app.none),
          h('td', {}, a.actionValue[e.action] ?? e.action),
          h('td', { class: 'mono' }, e.sessionId ? e.sessionId.slice(0, 8) : t.app.none),
          h('td', {}, e.targetName ?? t.app.none)))))));
  }
}
