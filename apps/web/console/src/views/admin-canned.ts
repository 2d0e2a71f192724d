import type { App } from '../app';
import { field, h, options } from '../dom';
import { LANGS, type Lang } from '../i18n';
import type { AdminSection } from './admin';
import { adminForm, errorText } from './controls';

interface CannedRow { id: string; language: Lang; kind: 'opener' | 'reply'; title: string; text: string; sortOrder: number; active: boolean }

const KINDS = ['opener', 'reply'] as const;

/** Quick replies per language: the greeting with the safety check first, then replies. */
export class CannedAdmin implements AdminSection {
  readonly el = h('section', { class: 'admin-section' });
  private rows?: CannedRow[];
  private language: Lang;
  private readonly tableHost = h('div', { class: 'table-wrap' });
  private readonly editHost = h('div', {});
  private readonly message = h('p', { class: 'success', role: 'status' });

  constructor(private readonly app: App) {
    this.language = app.lang;
    void this.load();
  }

  render(): void {
    const t = this.app.t;
    const language = h('select', { onchange: (e: Event) => { this.language = (e.target as HTMLSelectElement).value as Lang; this.editHost.replaceChildren(); this.render(); } },
      ...options(LANGS, (l) => t.langName[l as Lang], this.language));
    const languageField = field(t.admin.canned.language, language);
    languageField.classList.add('inline-field');
    this.el.replaceChildren(h('h2', {}, t.admin.tabs.canned), languageField, this.message, this.tableHost, this.editHost, this.form());
    this.renderTable();
  }

  private async load(): Promise<void> {
    this.rows = await this.app.api.get<CannedRow[]>('/api/admin/canned').catch(() => []);
    this.renderTable();
  }

  private done(text: string): void {
    this.message.textContent = text;
    this.editHost.replaceChildren();
    void this.load();
  }

  private renderTable(): void {
    const t = this.app.t;
    const c = t.admin.canned;
    if (!this.rows) return this.tableHost.replaceChildren(h('p', {}, t.app.loading));
    const rows = this.rows.filter((r) => r.language === this.language);
    this.tableHost.replaceChildren(h('table', {},
      h('thead', {}, h('tr', {}, ...[c.order, c.title, c.kind, c.text, t.app.status, t.board.col.actions].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...rows.map((r) => h('tr', { class: r.active ? '' : 'muted-row' },
        h('td', { class: 'num' }, String(r.sortOrder)),
        h('th', { scope: 'row' }, r.title),
        h('td', {}, c.kindValue[r.kind]),
        h('td', { class: 'long-text', lang: r.language }, r.text),
        h('td', {}, r.active ? c.active : c.inactive),
        h('td', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary small', onclick: () => this.edit(r) }, t.app.edit),
          h('button', { type: 'button', class: 'secondary small', onclick: () => void this.patch(r, { active: !r.active }) }, r.active ? c.disable : c.enable),
          h('button', { type: 'button', class: 'secondary small', onclick: () => void this.remove(r) }, c.remove)))))));
  }

  private async patch(r: CannedRow, body: object): Promise<void> {
    try {
      await this.app.api.patch(`/api/admin/canned/${r.id}`, body);
      this.done(this.app.t.app.saved);
    } catch (err) {
      this.message.textContent = errorText(this.app.t, err);
    }
  }

  private async remove(r: CannedRow): Promise<void> {
    if (!window.confirm(this.app.t.admin.canned.confirmRemove(r.title))) return;
    try {
      await this.app.api.delete(`/api/admin/canned/${r.id}`);
      this.done(this.app.t.app.saved);
    } catch (err) {
      this.message.textContent = errorText(this.app.t, err);
    }
  }

  private edit(r: CannedRow): void {
    this.editHost.replaceChildren(this.form(r));
    this.editHost.querySelector('input')?.focus();
  }

  /** Adding (no row) or editing one. */
  private form(r?: CannedRow): HTMLElement {
    const t = this.app.t;
    const c = t.admin.canned;
    const title = h('input', { type: 'text', maxlength: '120', required: true, value: r?.title ?? '' });
    const kind = h('select', {}, ...options(KINDS, (k) => c.kindValue[k], r?.kind ?? 'reply'));
    const order = h('input', { type: 'number', min: '0', max: '100000', value: String(r?.sortOrder ?? 500), class: 'narrow' });
    const text = h('textarea', { rows: '3', maxlength: '4000', required: true, lang: this.language });
    text.value = r?.text ?? '';
    const form = adminForm(r ? c.editTitle(r.title) : `${c.add} (${t.langName[this.language]})`, t,
      [h('div', { class: 'form-row' }, field(c.title, title), field(c.kind, kind), field(c.order, order)), field(c.text, text, c.textHint)], {
        saveLabel: r ? undefined : c.create,
        cancel: r ? () => this.editHost.replaceChildren() : undefined,
        save: async () => {
          const body = { title: title.value, kind: kind.value, text: text.value, sortOrder: Number(order.value) };
          if (r) await this.app.api.patch(`/api/admin/canned/${r.id}`, body);
          else await this.app.api.post('/api/admin/canned', { ...body, language: this.language });
          if (!r) form.reset();
          this.done(r ? t.app.saved : c.created);
        },
      });
    return form;
  }
}
