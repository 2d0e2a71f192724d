import type { App } from '../app';
import { field, h, options } from '../dom';
import { LANGS } from '../i18n';
import { SERVICE_KINDS } from '../wire';
import type { AdminSection } from './admin';
import { adminForm, errorText, languageChecks } from './controls';

interface ServiceRow {
  id: string; name: string; names: Record<string, string>; kind: string; phone: string | null; hours: string | null; region: string | null;
  languages: string[]; channel: 'phone' | 'webhook' | 'email'; webhookUrl: string | null; emailTo: string | null; active: boolean;
}

const CHANNELS = ['phone', 'webhook', 'email'] as const;

/** The crisis and support directory: every entry (switched-off ones too), add, edit, switch off. */
export class ServicesAdmin implements AdminSection {
  readonly el = h('section', { class: 'admin-section' });
  private rows?: ServiceRow[];
  private readonly tableHost = h('div', { class: 'table-wrap' });
  private readonly editHost = h('div', {});
  private readonly message = h('p', { class: 'success', role: 'status' });

  constructor(private readonly app: App) {
    void this.load();
  }

  render(): void {
    this.el.replaceChildren(h('h2', {}, this.app.t.admin.tabs.services), this.message, this.tableHost, this.editHost, this.createForm());
    this.renderTable();
  }

  private async load(): Promise<void> {
    this.rows = await this.app.api.get<ServiceRow[]>('/api/admin/services').catch(() => []);
    this.renderTable();
  }

  private done(text: string): void {
    this.message.textContent = text;
    this.editHost.replaceChildren();
    void this.load();
  }

  private renderTable(): void {
    const t = this.app.t;
    const s = t.admin.services;
    if (!this.rows) return this.tableHost.replaceChildren(h('p', {}, t.app.loading));
    this.tableHost.replaceChildren(h('table', {},
      h('thead', {}, h('tr', {}, ...[s.name, s.kind, s.phone, s.region, t.admin.staff.languages, s.channel, t.app.status, t.board.col.actions].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...this.rows.map((r) => h('tr', { class: r.active ? '' : 'muted-row' },
        h('th', { scope: 'row' }, r.names[this.app.lang] ?? r.name),
        h('td', {}, s.kindValue[r.kind] ?? r.kind),
        h('td', { class: 'nowrap' }, r.phone ?? t.app.none),
        h('td', {}, r.region ?? t.app.none),
        h('td', {}, r.languages.map((l) => l.toUpperCase()).join(', ')),
        h('td', {}, r.channel === 'webhook' ? 'Webhook' : r.channel === 'email' ? r.emailTo ?? 'E-mail' : t.admin.services.phone),
        h('td', {}, r.active ? s.active : s.inactive),
        h('td', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary small', onclick: () => this.edit(r) }, t.app.edit),
          h('button', { type: 'button', class: 'secondary small', onclick: () => void this.toggle(r) }, r.active ? s.disable : s.enable)))))));
  }

  private async toggle(r: ServiceRow): Promise<void> {
    try {
      await this.app.api.patch(`/api/services/${r.id}`, { active: !r.active });
      this.done(this.app.t.app.saved);
    } catch (err) {
      this.message.textContent = errorText(this.app.t, err);
    }
  }

  private edit(r: ServiceRow): void {
    const t = this.app.t;
    const s = t.admin.services;
    const name = h('input', { type: 'text', value: r.name, maxlength: '200' });
    const names = LANGS.map((l) => h('input', { type: 'text', value: r.names[l] ?? '', maxlength: '200', lang: l }));
    const kind = h('select', {}, ...options(SERVICE_KINDS, (k) => s.kindValue[k] ?? k, r.kind));
    const phone = h('input', { type: 'tel', value: r.phone ?? '', maxlength: '40' });
    const hours = h('input', { type: 'text', value: r.hours ?? '', maxlength: '200' });
    const region = h('input', { type: 'text', value: r.region ?? '', maxlength: '100' });
    const langs = languageChecks(t, s.languages, r.languages);
    this.editHost.replaceChildren(adminForm(s.editTitle(r.names[this.app.lang] ?? r.name), t, [
      field(s.name, name),
      h('div', { class: 'form-row' }, ...names.map((input, i) => field(s.names(t.langName[LANGS[i]]), input))),
      h('div', { class: 'form-row' }, field(s.kind, kind), field(s.phone, phone), field(s.hours, hours), field(s.region, region)),
      langs.el,
    ], {
      save: async () => {
        await this.app.api.patch(`/api/admin/services/${r.id}`, {
          ...(name.value.trim() ? { name: name.value.trim() } : {}), names: Object.fromEntries(LANGS.map((l, i) => [l, names[i].value])),
          kind: kind.value, phone: phone.value, hours: hours.value, region: region.value, languages: langs.values(),
        });
        this.done(t.app.saved);
      },
      cancel: () => this.editHost.replaceChildren(),
    }));
    name.focus();
  }

  private createForm(): HTMLElement {
    const t = this.app.t;
    const s = t.admin.services;
    const name = h('input', { type: 'text', maxlength: '200', required: true });
    const kind = h('select', {}, ...options(SERVICE_KINDS, (k) => s.kindValue[k] ?? k, 'hotline'));
    const phone = h('input', { type: 'tel', maxlength: '40' });
    const hours = h('input', { type: 'text', maxlength: '200' });
    const region = h('input', { type: 'text', maxlength: '100' });
    const langs = languageChecks(t, s.languages, []);
    const channel = h('select', {}, ...options(CHANNELS, (c) => s.channelValue[c], 'phone'));
    const url = h('input', { type: 'url', maxlength: '2000' });
    const secret = h('input', { type: 'password', autocomplete: 'new-password', minlength: '16', maxlength: '200' });
    const emailTo = h('input', { type: 'email' });
    const webhookFields = h('div', { class: 'form-row', hidden: true }, field(s.url, url), field(s.secret, secret));
    const emailFields = h('div', { class: 'form-row', hidden: true }, field(s.emailTo, emailTo));
    channel.addEventListener('change', () => {
      webhookFields.hidden = channel.value !== 'webhook';
      emailFields.hidden = channel.value !== 'email';
    });
    const form = adminForm(s.add, t, [h('div', { class: 'form-row' }, field(s.name, name), field(s.kind, kind)),
      h('div', { class: 'form-row' }, field(s.phone, phone), field(s.hours, hours), field(s.region, region)), langs.el,
      field(s.channel, channel), webhookFields, emailFields], {
      saveLabel: s.create,
      save: async () => {
        const optional = (input: HTMLInputElement) => input.value.trim() || undefined;
        const channelBody = channel.value === 'webhook' ? { type: 'webhook', url: url.value.trim(), secret: secret.value } : channel.value === 'email' ? { type: 'email', to: emailTo.value.trim() } : { type: 'phone' };
        await this.app.api.post('/api/services', {
          name: name.value.trim(), kind: kind.value, phone: optional(phone), hours: optional(hours), region: optional(region), languages: langs.values(), channel: channelBody,
        });
        form.reset();
        this.done(s.created);
      },
    });
    return form;
  }
}
