import { useState } from 'preact/hooks';
import { api } from '../services';
import { LANGS } from '../i18n';
import { lang, t } from '../store';
import { SERVICE_KINDS } from '../wire';
import { AdminForm, errorText, Field, LanguageChecks, Options, useFocusOnMount, useForm, useRows } from './controls';

interface ServiceRow {
  id: string; name: string; names: Record<string, string>; kind: string; phone: string | null; hours: string | null; region: string | null;
  languages: string[]; channel: 'phone' | 'webhook' | 'email'; webhookUrl: string | null; emailTo: string | null; active: boolean;
}

const CHANNELS = ['phone', 'webhook', 'email'] as const;

/** The crisis and support directory: every entry (switched-off ones too), add, edit, switch off. */
export function ServicesAdmin() {
  const { rows, reload } = useRows<ServiceRow>('/api/admin/services');
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<ServiceRow | undefined>(undefined);
  const copy = t.value;
  const s = copy.admin.services;
  const done = (text: string) => {
    setMessage(text);
    setEditing(undefined);
    reload();
  };
  const toggle = async (r: ServiceRow) => {
    try {
      await api.patch(`/api/services/${r.id}`, { active: !r.active });
      done(copy.app.saved);
    } catch (err) {
      setMessage(errorText(t.value, err));
    }
  };
  return (
    <section class="admin-section">
      <h2>{copy.admin.tabs.services}</h2>
      <p class="success" role="status">{message}</p>
      <div class="table-wrap">
        {!rows ? <p>{copy.app.loading}</p> : (
          <table>
            <thead><tr>{[s.name, s.kind, s.phone, s.region, copy.admin.staff.languages, s.channel, copy.app.status, copy.board.col.actions].map((x) => <th scope="col">{x}</th>)}</tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} class={r.active ? '' : 'muted-row'}>
                  <th scope="row">{r.names[lang.value] ?? r.name}</th>
                  <td>{s.kindValue[r.kind] ?? r.kind}</td>
                  <td class="nowrap">{r.phone ?? copy.app.none}</td>
                  <td>{r.region ?? copy.app.none}</td>
                  <td>{r.languages.map((l) => l.toUpperCase()).join(', ')}</td>
                  <td>{r.channel === 'webhook' ? 'Webhook' : r.channel === 'email' ? r.emailTo ?? 'E-mail' : s.phone}</td>
                  <td>{r.active ? s.active : s.inactive}</td>
                  <td class="actions">
                    <button type="button" class="secondary small" onClick={() => setEditing(r)}>{copy.app.edit}</button>
                    <button type="button" class="secondary small" onClick={() => void toggle(r)}>{r.active ? s.disable : s.enable}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>{editing && <EditService key={editing.id} row={editing} done={done} cancel={() => setEditing(undefined)} />}</div>
      <CreateService done={done} />
    </section>
  );
}

function EditService({ row, done, cancel }: { row: ServiceRow; done(text: string): void; cancel(): void }) {
  const copy = t.value;
  const s = copy.admin.services;
  const form = useForm({ name: row.name, kind: row.kind, phone: row.phone ?? '', hours: row.hours ?? '', region: row.region ?? '', languages: row.languages,
    names: Object.fromEntries(LANGS.map((l) => [l, row.names[l] ?? ''])) as Record<string, string> });
  const first = useFocusOnMount<HTMLInputElement>();
  const v = form.values;
  return (
    <AdminForm title={s.editTitle(row.names[lang.value] ?? row.name)} cancel={cancel} save={async () => {
      await api.patch(`/api/admin/services/${row.id}`, {
        ...(v.name.trim() ? { name: v.name.trim() } : {}), names: v.names,
        kind: v.kind, phone: v.phone, hours: v.hours, region: v.region, languages: v.languages,
      });
      done(copy.app.saved);
    }}>
      <Field label={s.name}>{(ids) => <input {...ids} ref={first} type="text" maxLength={200} {...form.text('name')} />}</Field>
      <div class="form-row">
        {LANGS.map((l) => (
          <Field key={l} label={s.names(copy.langName[l])}>{(ids) => <input {...ids} type="text" maxLength={200} lang={l} value={v.names[l]}
            onInput={(e) => form.set('names', { ...form.values.names, [l]: e.currentTarget.value })} />}</Field>
        ))}
      </div>
      <div class="form-row">
        <Field label={s.kind}>{(ids) => <select {...ids} {...form.text('kind')}><Options values={SERVICE_KINDS} label={(k) => s.kindValue[k] ?? k} /></select>}</Field>
        <Field label={s.phone}>{(ids) => <input {...ids} type="tel" maxLength={40} {...form.text('phone')} />}</Field>
        <Field label={s.hours}>{(ids) => <input {...ids} type="text" maxLength={200} {...form.text('hours')} />}</Field>
        <Field label={s.region}>{(ids) => <input {...ids} type="text" maxLength={100} {...form.text('region')} />}</Field>
      </div>
      <LanguageChecks legend={s.languages} value={v.languages} onChange={(l) => form.set('languages', l)} />
    </AdminForm>
  );
}

function CreateService({ done }: { done(text: string): void }) {
  const copy = t.value;
  const s = copy.admin.services;
  const form = useForm({ name: '', kind: 'hotline', phone: '', hours: '', region: '', channel: 'phone', url: '', secret: '', emailTo: '', languages: [] as string[] });
  const v = form.values;
  return (
    <AdminForm title={s.add} saveLabel={s.create} save={async () => {
      const optional = (value: string) => value.trim() || undefined;
      const channel = v.channel === 'webhook' ? { type: 'webhook', url: v.url.trim(), secret: v.secret } : v.channel === 'email' ? { type: 'email', to: v.emailTo.trim() } : { type: 'phone' };
      await api.post('/api/services', {
        name: v.name.trim(), kind: v.kind, phone: optional(v.phone), hours: optional(v.hours), region: optional(v.region), languages: v.languages, channel,
      });
      form.reset();
      done(s.created);
    }}>
      <div class="form-row">
        <Field label={s.name}>{(ids) => <input {...ids} type="text" maxLength={200} required {...form.text('name')} />}</Field>
        <Field label={s.kind}>{(ids) => <select {...ids} {...form.text('kind')}><Options values={SERVICE_KINDS} label={(k) => s.kindValue[k] ?? k} /></select>}</Field>
      </div>
      <div class="form-row">
        <Field label={s.phone}>{(ids) => <input {...ids} type="tel" maxLength={40} {...form.text('phone')} />}</Field>
        <Field label={s.hours}>{(ids) => <input {...ids} type="text" maxLength={200} {...form.text('hours')} />}</Field>
        <Field label={s.region}>{(ids) => <input {...ids} type="text" maxLength={100} {...form.text('region')} />}</Field>
      </div>
      <LanguageChecks legend={s.languages} value={v.languages} onChange={(l) => form.set('languages', l)} />
      <Field label={s.channel}>{(ids) => <select {...ids} {...form.text('channel')}><Options values={CHANNELS} label={(c) => s.channelValue[c as (typeof CHANNELS)[number]]} /></select>}</Field>
      <div class="form-row" hidden={v.channel !== 'webhook'}>
        <Field label={s.url}>{(ids) => <input {...ids} type="url" maxLength={2000} {...form.text('url')} />}</Field>
        <Field label={s.secret}>{(ids) => <input {...ids} type="password" autocomplete="new-password" minLength={16} maxLength={200} {...form.text('secret')} />}</Field>
      </div>
      <div class="form-row" hidden={v.channel !== 'email'}>
        <Field label={s.emailTo}>{(ids) => <input {...ids} type="email" {...form.text('emailTo')} />}</Field>
      </div>
    </AdminForm>
  );
}
