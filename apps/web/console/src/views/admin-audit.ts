import type { App } from '../app';
import { field, h, options } from '../dom';
import { dateTime } from '../format';
import { AUDIT_ACTIONS } from '../wire';
import type { AdminSection } from './admin';

interface Entry { at: string; actor: string | null; action: string; target?: string; sessionId?: string; detail?: string[] }
interface Person { id: string; name: string }

/**
 * The staff audit trail: sign-ins, account, directory and quick-reply changes, exports, and who
 * followed, transferred or reassigned which chat. Filtered by action and by person on the server.
 */
export class AuditAdmin implements AdminSection {
  readonly el = h('section', { class: 'admin-section' });
  private entries?: Entry[];
  private people: Person[] = [];
  private action = '';
  private actor = '';
  /** only the newest request draws: a slow answer to an older filter never replaces a newer one */
  private request = 0;

  constructor(private readonly app: App) {
    void app.api.get<Person[]>('/api/admin/staff').then((p) => { this.people = [...p].sort((a, b) => a.name.localeCompare(b.name)); this.render(); }, () => undefined);
    void this.load();
  }

  private async load(): Promise<void> {
    const mine = ++this.request;
    const query = new URLSearchParams({ limit: '200', ...(this.action ? { action: this.action } : {}), ...(this.actor ? { actor: this.actor } : {}) });
    const entries = await this.app.api.get<Entry[]>(`/api/admin/audit?${query}`).catch(() => []);
    if (mine !== this.request) return;
    this.entries = entries;
    this.render();
  }

  private filters(): HTMLElement {
    const t = this.app.t;
    const a = t.admin.audit;
    const action = h('select', { 'data-qa': 'audit-action' }, ...options(AUDIT_ACTIONS, (x) => a.actionValue[x] ?? x, this.action, a.allActions));
    const person = h('select', { 'data-qa': 'audit-person' }, ...options(this.people.map((p) => p.id), (id) => this.people.find((p) => p.id === id)?.name ?? id, this.actor, a.everyone));
    action.addEventListener('change', () => { this.action = action.value; this.entries = undefined; this.render(); void this.load(); });
    person.addEventListener('change', () => { this.actor = person.value; this.entries = undefined; this.render(); void this.load(); });
    return h('fieldset', { class: 'filters audit-filters' }, h('legend', {}, a.filter), field(a.action, action), field(a.who, person));
  }

  render(): void {
    const t = this.app.t;
    const a = t.admin.audit;
    const rows = this.entries;
    const focused = document.activeElement?.getAttribute('data-qa');
    this.el.replaceChildren(h('h2', {}, t.admin.tabs.audit), h('p', { class: 'tip' }, a.intro), this.filters(),
      !rows ? h('p', {}, t.app.loading) : rows.length === 0 ? h('p', { class: 'tip', 'data-qa': 'audit-empty' }, this.action || this.actor ? a.noMatch : a.empty) : h('div', { class: 'table-wrap' }, h('table', { 'data-qa': 'audit-table' },
        h('thead', {}, h('tr', {}, ...[a.at, a.who, a.action, a.target, a.session, a.detail].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, ...rows.map((e) => h('tr', { 'data-qa': 'audit-entry', 'data-action': e.action },
          h('td', { class: 'num' }, dateTime(e.at, this.app.lang)),
          h('td', {}, e.actor ?? a.nobody),
          h('td', {}, a.actionValue[e.action] ?? e.action),
          h('td', {}, e.target ?? t.app.none),
          h('td', { class: 'mono' }, e.sessionId ? e.sessionId.slice(0, 8) : t.app.none),
          h('td', { class: 'mono' }, e.detail?.join(', ') ?? t.app.none)))))));
    // a filter redrawn under the keyboard keeps its focus
    if (focused === 'audit-action' || focused === 'audit-person') this.el.querySelector<HTMLElement>(`[data-qa="${focused}"]`)?.focus();
  }
}
