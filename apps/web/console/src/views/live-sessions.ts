import type { App } from '../app';
import { field, h, options, uid } from '../dom';
import { clock } from '../format';
import { LANGS, type Lang } from '../i18n';
import type { Colleague, LiveSession } from '../wire';

/**
 * Every live chat for the duty manager: codes and times only, never text. A waiting one can
 * be reassigned to a colleague or another line; any one can be followed read-only.
 */
export class LiveSessions {
  readonly el = h('section', { class: 'live-sessions' });
  private rows: LiveSession[] = [];
  private at = Date.now();
  private readonly tableHost = h('div', { class: 'table-wrap' });
  private readonly formHost = h('div', {});
  private reassigning?: LiveSession;

  constructor(private readonly app: App, private readonly actions: { follow(s: LiveSession): void }) {}

  update(rows: LiveSession[]): void {
    const unchanged = signature(rows) === signature(this.rows);
    this.rows = rows;
    this.at = Date.now();
    if (this.reassigning && !rows.some((r) => r.sessionId === this.reassigning!.sessionId && r.state !== 'active')) this.closeForm();
    if (unchanged) return this.tick();
    // a keyboard user keeps their place when the table is rebuilt
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.key;
    this.renderTable();
    if (focused) this.tableHost.querySelector<HTMLElement>(`[data-key="${focused}"]`)?.focus();
  }

  /** Priority sessions still in the line for longer than `threshold` seconds. */
  overdue(threshold: number): { sessionId: string; language: Lang; waited: number }[] {
    return this.rows.filter((r) => r.priority === 0 && r.state !== 'active').map((r) => ({ sessionId: r.sessionId, language: r.language, waited: this.waited(r) }))
      .filter((r) => r.waited > threshold);
  }

  tick(): void {
    for (const cell of this.tableHost.querySelectorAll<HTMLElement>('[data-time]')) {
      const row = this.rows.find((r) => r.sessionId === cell.dataset.time);
      if (row) cell.textContent = this.timeText(row);
    }
  }

  render(): void {
    const titleId = uid('live');
    this.el.setAttribute('aria-labelledby', titleId);
    this.el.replaceChildren(h('h2', { id: titleId }, this.app.t.board.sessions), this.tableHost, this.formHost);
    this.renderTable();
    if (this.reassigning) this.openForm(this.reassigning);
  }

  private renderTable(): void {
    const t = this.app.t;
    const c = t.board.col;
    if (this.rows.length === 0) return this.tableHost.replaceChildren(h('p', { class: 'tip' }, t.board.noSessions));
    this.tableHost.replaceChildren(h('table', {},
      h('thead', {}, h('tr', {}, ...[c.language, c.state, c.time, c.priority, c.counsellor, c.actions].map((x) => h('th', { scope: 'col', class: x === c.time ? 'num' : undefined }, x)))),
      h('tbody', {}, ...this.rows.map((r) => h('tr', { class: r.priority === 0 && r.state !== 'active' ? 'urgent-row' : '' },
        h('td', { class: 'cap' }, t.langName[r.language]),
        h('td', {}, t.board.state[r.state] ?? r.state, r.state === 'active' && !r.survivorConnected ? h('span', { class: 'tip' }, ` (${t.board.disconnected})`) : ''),
        h('td', { 'data-time': r.sessionId, class: 'num' }, this.timeText(r)),
        h('td', {}, this.priorityText(r)),
        h('td', {}, r.counsellorName ?? t.app.none),
        h('td', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary small', 'data-key': `${r.sessionId}:follow`, onclick: () => this.actions.follow(r) }, t.board.follow),
          r.state !== 'active' && h('button', { type: 'button', class: 'secondary small', 'data-key': `${r.sessionId}:reassign`, onclick: () => this.openForm(r) }, t.board.reassign)))))));
  }

  private waited(r: LiveSession): number {
    return Math.max(0, r.waitedSeconds) + (Date.now() - this.at) / 1000;
  }

  private timeText(r: LiveSession): string {
    return r.state === 'active' && r.assignedAt ? clock((Date.now() - Date.parse(r.assignedAt)) / 1000) : clock(this.waited(r));
  }

  private priorityText(r: LiveSession): string {
    const t = this.app.t;
    const parts = [r.priority === 0 ? t.board.priority : '', ...r.riskFlags.map((f) => t.riskFlag.category[f] ?? f)];
    if (r.triage.immediateDanger) parts.push(t.triage.immediateDanger);
    return [...new Set(parts.filter(Boolean))].join(', ') || t.app.none;
  }

  private closeForm(): void {
    this.reassigning = undefined;
    this.formHost.replaceChildren();
  }

  private openForm(r: LiveSession): void {
    const t = this.app.t;
    this.reassigning = r;
    const titleId = uid('reassign');
    const colleague = h('select', {}, h('option', { value: '' }, t.app.loading));
    const line = h('select', {}, ...options(LANGS, (l) => t.langName[l as Lang], r.language));
    const error = h('p', { class: 'error', role: 'alert' });
    void this.app.api.get<Colleague[]>(`/api/team/available?language=${r.language}`).then((list) => {
      colleague.replaceChildren(h('option', { value: '' }, t.app.none), ...list.map((c) => h('option', { value: c.id }, `${c.name} (${t.transfer.load(c.load, c.maxChats)})`)));
    }, () => { error.textContent = t.app.failed; });
    const form = h('form', { class: 'side-form', 'aria-labelledby': titleId, onsubmit: async (e: Event) => {
      e.preventDefault();
      const body = { sessionId: r.sessionId, ...(colleague.value ? { toStaffId: colleague.value } : {}), ...(line.value !== r.language || !colleague.value ? { toLanguage: line.value } : {}) };
      const ack = await this.app.link!.request('session:reassign', body);
      if (!ack.ok) {
        error.textContent = ack.error.message;
        return;
      }
      this.closeForm();
      this.app.notify('reassigned', t.board.reassignDone, 'info');
    } },
      h('h3', { id: titleId }, t.board.reassignTitle, ` — ${t.langName[r.language]}, ${clock(this.waited(r))}`),
      h('div', { class: 'form-row' }, field(t.board.reassignTo, colleague), field(t.board.reassignLine, line)),
      error,
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t.board.reassignConfirm),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.closeForm() }, t.app.cancel)));
    this.formHost.replaceChildren(form);
    colleague.focus();
  }
}

/** What the table shows, apart from the times that tick by themselves. */
function signature(rows: LiveSession[]): string {
  return JSON.stringify(rows.map((r) => [r.sessionId, r.state, r.language, r.priority, r.riskFlags, r.counsellorName, r.survivorConnected, r.assignedAt]));
}
