import type { App, Role } from '../app';
import { field, h, options } from '../dom';
import { ROLES } from '../wire';
import type { AdminSection } from './admin';
import { adminForm, errorText, languageChecks } from './controls';

interface StaffRow { id: string; email: string; name: string; role: Role; languages: string[]; maxChats: number; disabled: boolean; presence: string }

/** Staff accounts: add, edit role, languages and capacity, set a new password, disable (signs out everywhere). */
export class StaffAdmin implements AdminSection {
  readonly el = h('section', { class: 'admin-section' });
  private rows?: StaffRow[];
  private readonly tableHost = h('div', { class: 'table-wrap' });
  private readonly editHost = h('div', {});
  private readonly message = h('p', { class: 'success', role: 'status' });

  constructor(private readonly app: App) {
    void this.load();
  }

  render(): void {
    const t = this.app.t;
    this.el.replaceChildren(h('h2', {}, t.admin.tabs.staff), this.message, this.tableHost, this.editHost, this.createForm());
    this.renderTable();
  }

  private async load(): Promise<void> {
    this.rows = await this.app.api.get<StaffRow[]>('/api/admin/staff').catch(() => []);
    this.renderTable();
  }

  private renderTable(): void {
    const t = this.app.t;
    const s = t.admin.staff;
    if (!this.rows) return this.tableHost.replaceChildren(h('p', {}, t.app.loading));
    this.tableHost.replaceChildren(h('table', { 'data-qa': 'staff-table' },
      h('thead', {}, h('tr', {}, ...[s.name, s.email, s.role, s.languages, s.maxChats, s.status, t.board.col.actions].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...this.rows.map((r) => h('tr', { class: r.disabled ? 'muted-row' : '' },
        h('th', { scope: 'row' }, r.name),
        h('td', {}, r.email),
        h('td', {}, t.app.roles[r.role]),
        h('td', {}, r.languages.map((l) => l.toUpperCase()).join(', ')),
        h('td', { class: 'num' }, String(r.maxChats)),
        h('td', {}, r.disabled ? s.disabled : s.active),
        h('td', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary small', onclick: () => this.edit(r) }, t.app.edit),
          h('button', { type: 'button', class: 'secondary small', onclick: () => this.password(r) }, s.resetPassword),
          r.id === this.app.staff?.id ? null : h('button', { type: 'button', class: 'secondary small', onclick: () => void this.toggle(r) }, r.disabled ? s.enable : s.disable),
          r.id === this.app.staff?.id ? null : h('button', { type: 'button', class: 'secondary small', 'data-qa': 'staff-mfa-reset', onclick: () => void this.resetSecondFactor(r) }, s.mfaReset)))))));
  }

  /** For a lost phone: the person is signed out everywhere and sets up two-step sign-in again. */
  private async resetSecondFactor(r: StaffRow): Promise<void> {
    const s = this.app.t.admin.staff;
    if (!window.confirm(s.confirmMfaReset(r.name))) return;
    try {
      await this.app.api.post(`/api/admin/staff/${r.id}/mfa-reset`, {});
      this.done(s.mfaResetDone);
    } catch (err) {
      this.message.textContent = errorText(this.app.t, err);
    }
  }

  private done(text: string): void {
    this.message.textContent = text;
    this.editHost.replaceChildren();
    void this.load();
  }

  private edit(r: StaffRow): void {
    const t = this.app.t;
    const s = t.admin.staff;
    const name = h('input', { type: 'text', value: r.name, maxlength: '100', required: true });
    const role = h('select', {}, ...options(ROLES, (x) => t.app.roles[x as Role], r.role));
    const langs = languageChecks(t, s.languages, r.languages);
    const max = h('input', { type: 'number', min: '1', max: '10', value: String(r.maxChats), class: 'narrow' });
    this.editHost.replaceChildren(adminForm(s.editTitle(r.name), t, [h('div', { class: 'form-row' }, field(s.name, name), field(s.role, role), field(s.maxChats, max)), langs.el], {
      save: async () => {
        await this.app.api.patch(`/api/admin/staff/${r.id}`, { name: name.value.trim(), role: role.value, languages: langs.values(), maxChats: Number(max.value) });
        this.done(t.app.saved);
      },
      cancel: () => this.editHost.replaceChildren(),
    }));
    name.focus();
  }

  private password(r: StaffRow): void {
    const t = this.app.t;
    const s = t.admin.staff;
    const password = h('input', { type: 'password', autocomplete: 'new-password', minlength: '10', required: true });
    this.editHost.replaceChildren(adminForm(`${s.resetPassword.replace('…', '')} — ${r.name}`, t, [field(s.newPassword, password, s.passwordHint)], {
      saveLabel: s.setPassword,
      save: async () => {
        await this.app.api.patch(`/api/admin/staff/${r.id}`, { password: password.value });
        this.done(s.passwordSet);
      },
      cancel: () => this.editHost.replaceChildren(),
    }));
    password.focus();
  }

  private async toggle(r: StaffRow): Promise<void> {
    const s = this.app.t.admin.staff;
    if (!r.disabled && !window.confirm(s.confirmDisable(r.name))) return;
    try {
      await this.app.api.patch(`/api/admin/staff/${r.id}`, { disabled: !r.disabled });
      this.done(this.app.t.app.saved);
    } catch (err) {
      this.message.textContent = errorText(this.app.t, err);
    }
  }

  private createForm(): HTMLElement {
    const t = this.app.t;
    const s = t.admin.staff;
    const name = h('input', { type: 'text', maxlength: '100', required: true, autocomplete: 'off', 'data-qa': 'staff-name' });
    const email = h('input', { type: 'email', required: true, autocomplete: 'off', 'data-qa': 'staff-email' });
    const role = h('select', { 'data-qa': 'staff-role' }, ...options(ROLES, (x) => t.app.roles[x as Role], 'counsellor'));
    const langs = languageChecks(t, s.languages, []);
    const max = h('input', { type: 'number', min: '1', max: '10', value: '1', class: 'narrow', 'data-qa': 'staff-max-chats' });
    const password = h('input', { type: 'password', autocomplete: 'new-password', minlength: '10', required: true, 'data-qa': 'staff-password' });
    langs.el.setAttribute('data-qa', 'staff-languages');
    const form = adminForm(s.add, t, [h('div', { class: 'form-row' }, field(s.name, name), field(s.email, email)),
      h('div', { class: 'form-row' }, field(s.role, role), field(s.maxChats, max)), langs.el, field(s.password, password, s.passwordHint)], {
      saveLabel: s.create,
      save: async () => {
        try {
          await this.app.api.post('/api/admin/staff', { name: name.value.trim(), email: email.value.trim(), role: role.value, languages: langs.values(), maxChats: Number(max.value), password: password.value });
        } catch (err) {
          throw err instanceof Error && (err as { status?: number }).status === 409 ? Object.assign(err, { message: s.taken }) : err;
        }
        const created = name.value.trim();
        form.reset();
        this.done(s.created(created));
      },
    });
    form.querySelector('button[type="submit"]')?.setAttribute('data-qa', 'staff-create');
    return form;
  }
}
