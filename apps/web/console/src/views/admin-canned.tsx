import { useState } from 'preact/hooks';
import { api } from '../services';
import { LANGS, type Lang } from '../i18n';
import { lang, t } from '../store';
import { AdminForm, errorText, Field, Options, useFocusOnMount, useForm, useRows } from './controls';

interface CannedRow { id: string; language: Lang; kind: 'opener' | 'reply'; title: string; text: string; sortOrder: number; active: boolean }

const KINDS = ['opener', 'reply'] as const;

/** Quick replies per language: the greeting with the safety check first, then replies. */
export function CannedAdmin() {
  const { rows, reload } = useRows<CannedRow>('/api/admin/canned');
  const [language, setLanguage] = useState<Lang>(lang.peek());
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<CannedRow | undefined>(undefined);
  const copy = t.value;
  const c = copy.admin.canned;
  const done = (text: string) => {
    setMessage(text);
    setEditing(undefined);
    reload();
  };
  const attempt = async (call: () => Promise<unknown>) => {
    try {
      await call();
      done(copy.app.saved);
    } catch (err) {
      setMessage(errorText(t.value, err));
    }
  };
  const remove = (r: CannedRow) => {
    if (window.confirm(c.confirmRemove(r.title))) void attempt(() => api.delete(`/api/admin/canned/${r.id}`));
  };
  return (
    <section class="admin-section">
      <h2>{copy.admin.tabs.canned}</h2>
      <Field label={c.language} class="inline-field">{(ids) => (
        <select {...ids} value={language} onChange={(e) => { setLanguage(e.currentTarget.value as Lang); setEditing(undefined); }}>
          <Options values={LANGS} label={(l) => copy.langName[l as Lang]} />
        </select>
      )}</Field>
      <p class="success" role="status">{message}</p>
      <div class="table-wrap">
        {!rows ? <p>{copy.app.loading}</p> : (
          <table>
            <thead><tr>{[c.order, c.title, c.kind, c.text, copy.app.status, copy.board.col.actions].map((x) => <th scope="col">{x}</th>)}</tr></thead>
            <tbody>
              {rows.filter((r) => r.language === language).map((r) => (
                <tr key={r.id} class={r.active ? '' : 'muted-row'}>
                  <td class="num">{String(r.sortOrder)}</td>
                  <th scope="row">{r.title}</th>
                  <td>{c.kindValue[r.kind]}</td>
                  <td class="long-text" lang={r.language}>{r.text}</td>
                  <td>{r.active ? c.active : c.inactive}</td>
                  <td class="actions">
                    <button type="button" class="secondary small" onClick={() => setEditing(r)}>{copy.app.edit}</button>
                    <button type="button" class="secondary small" onClick={() => void attempt(() => api.patch(`/api/admin/canned/${r.id}`, { active: !r.active }))}>{r.active ? c.disable : c.enable}</button>
                    <button type="button" class="secondary small" onClick={() => remove(r)}>{c.remove}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>{editing && <CannedForm key={editing.id} row={editing} language={language} done={done} cancel={() => setEditing(undefined)} />}</div>
      <CannedForm key={language} language={language} done={done} />
    </section>
  );
}

/** Adding (no row) or editing one. */
function CannedForm({ row, language, done, cancel }: { row?: CannedRow; language: Lang; done(text: string): void; cancel?(): void }) {
  const copy = t.value;
  const c = copy.admin.canned;
  const form = useForm({ title: row?.title ?? '', kind: row?.kind ?? 'reply', sortOrder: String(row?.sortOrder ?? 500), text: row?.text ?? '' });
  const first = useFocusOnMount<HTMLInputElement>();
  return (
    <AdminForm title={row ? c.editTitle(row.title) : `${c.add} (${copy.langName[language]})`} saveLabel={row ? undefined : c.create} cancel={cancel} save={async () => {
      const v = form.values;
      const body = { title: v.title, kind: v.kind, text: v.text, sortOrder: Number(v.sortOrder) };
      if (row) await api.patch(`/api/admin/canned/${row.id}`, body);
      else await api.post('/api/admin/canned', { ...body, language });
      if (!row) form.reset();
      done(row ? copy.app.saved : c.created);
    }}>
      <div class="form-row">
        <Field label={c.title}>{(ids) => <input {...ids} ref={row ? first : undefined} type="text" maxLength={120} required {...form.text('title')} />}</Field>
        <Field label={c.kind}>{(ids) => <select {...ids} {...form.text('kind')}><Options values={KINDS} label={(k) => c.kindValue[k as (typeof KINDS)[number]]} /></select>}</Field>
        <Field label={c.order}>{(ids) => <input {...ids} type="number" min="0" max="100000" class="narrow" {...form.text('sortOrder')} />}</Field>
      </div>
      <Field label={c.text} hint={c.textHint}>{(ids) => <textarea {...ids} rows={3} maxLength={4000} required lang={language} {...form.text('text')} />}</Field>
    </AdminForm>
  );
}
