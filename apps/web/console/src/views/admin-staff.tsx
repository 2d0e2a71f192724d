import { useState } from 'preact/hooks';
import { api } from '../services';
import { staff as me, t, type Role } from '../store';
import { ROLES } from '../wire';
import { AdminForm, errorText, Field, LanguageChecks, Options, useFocusOnMount, useForm, useRows } from './controls';

interface StaffRow { id: string; email: string; name: string; role: Role; languages: string[]; maxChats: number; disabled: boolean; presence: string }

type Editing = { kind: 'edit' | 'password'; row: StaffRow } | undefined;

/** Staff accounts: add, edit role, languages and capacity, set a new password, disable (signs out everywhere). */
export function StaffAdmin() {
  const { rows, reload } = useRows<StaffRow>('/api/admin/staff');
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<Editing>(undefined);
  const copy = t.value;
  const s = copy.admin.staff;
  const done = (text: string) => {
    setMessage(text);
    setEditing(undefined);
    reload();
  };
  const attempt = async (call: () => Promise<unknown>, text: string) => {
    try {
      await call();
      done(text);
    } catch (err) {
      setMessage(errorText(t.value, err));
    }
  };
  /** For a lost phone: the person is signed out everywhere and sets up two-step sign-in again. */
  const resetSecondFactor = (r: StaffRow) => {
    if (window.confirm(s.confirmMfaReset(r.name))) void attempt(() => api.post(`/api/admin/staff/${r.id}/mfa-reset`, {}), s.mfaResetDone);
  };
  const toggle = (r: StaffRow) => {
    if (r.disabled || window.confirm(s.confirmDisable(r.name))) void attempt(() => api.patch(`/api/admin/staff/${r.id}`, { disabled: !r.disabled }), copy.app.saved);
  };
  return (
    <section class="admin-section">
      <h2>{copy.admin.tabs.staff}</h2>
      <p class="success" role="status">{message}</p>
      <div class="table-wrap">
        {!rows ? <p>{copy.app.loading}</p> : (
          <table data-qa="staff-table">
            <thead><tr>{[s.name, s.email, s.role, s.languages, s.maxChats, s.status, copy.board.col.actions].map((x) => <th scope="col">{x}</th>)}</tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} class={r.disabled ? 'muted-row' : ''}>
                  <th scope="row">{r.name}</th>
                  <td>{r.email}</td>
                  <td>{copy.app.roles[r.role]}</td>
                  <td>{r.languages.map((l) => l.toUpperCase()).join(', ')}</td>
                  <td class="num">{String(r.maxChats)}</td>
                  <td>{r.disabled ? s.disabled : s.active}</td>
                  <td class="actions">
                    <button type="button" class="secondary small" onClick={() => setEditing({ kind: 'edit', row: r })}>{copy.app.edit}</button>
                    <button type="button" class="secondary small" onClick={() => setEditing({ kind: 'password', row: r })}>{s.resetPassword}</button>
                    {r.id !== me.value?.id && <button type="button" class="secondary small" onClick={() => toggle(r)}>{r.disabled ? s.enable : s.disable}</button>}
                    {r.id !== me.value?.id && <button type="button" class="secondary small" data-qa="staff-mfa-reset" onClick={() => resetSecondFactor(r)}>{s.mfaReset}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>
        {editing?.kind === 'edit' && <EditStaff key={editing.row.id} row={editing.row} done={done} cancel={() => setEditing(undefined)} />}
        {editing?.kind === 'password' && <NewPassword key={editing.row.id} row={editing.row} done={done} cancel={() => setEditing(undefined)} />}
      </div>
      <CreateStaff done={done} />
    </section>
  );
}

function EditStaff({ row, done, cancel }: { row: StaffRow; done(text: string): void; cancel(): void }) {
  const copy = t.value;
  const s = copy.admin.staff;
  const form = useForm({ name: row.name, role: row.role as string, maxChats: String(row.maxChats), languages: row.languages });
  const first = useFocusOnMount<HTMLInputElement>();
  return (
    <AdminForm title={s.editTitle(row.name)} cancel={cancel} save={async () => {
      const v = form.values;
      await api.patch(`/api/admin/staff/${row.id}`, { name: v.name.trim(), role: v.role, languages: v.languages, maxChats: Number(v.maxChats) });
      done(copy.app.saved);
    }}>
      <div class="form-row">
        <Field label={s.name}>{(ids) => <input {...ids} ref={first} type="text" maxLength={100} required {...form.text('name')} />}</Field>
        <Field label={s.role}>{(ids) => <select {...ids} {...form.text('role')}><Options values={ROLES} label={(x) => copy.app.roles[x as Role]} /></select>}</Field>
        <Field label={s.maxChats}>{(ids) => <input {...ids} type="number" min="1" max="10" class="narrow" {...form.text('maxChats')} />}</Field>
      </div>
      <LanguageChecks legend={s.languages} value={form.values.languages} onChange={(l) => form.set('languages', l)} />
    </AdminForm>
  );
}

function NewPassword({ row, done, cancel }: { row: StaffRow; done(text: string): void; cancel(): void }) {
  const s = t.value.admin.staff;
  const form = useForm({ password: '' });
  const first = useFocusOnMount<HTMLInputElement>();
  return (
    <AdminForm title={`${s.resetPassword.replace('…', '')} — ${row.name}`} saveLabel={s.setPassword} cancel={cancel} save={async () => {
      await api.patch(`/api/admin/staff/${row.id}`, { password: form.values.password });
      done(s.passwordSet);
    }}>
      <Field label={s.newPassword} hint={s.passwordHint}>{(ids) => <input {...ids} ref={first} type="password" autocomplete="new-password" minLength={10} required {...form.text('password')} />}</Field>
    </AdminForm>
  );
}

function CreateStaff({ done }: { done(text: string): void }) {
  const copy = t.value;
  const s = copy.admin.staff;
  const form = useForm({ name: '', email: '', role: 'counsellor', maxChats: '1', password: '', languages: [] as string[] });
  return (
    <AdminForm title={s.add} saveLabel={s.create} saveQa="staff-create" save={async () => {
      const v = form.values;
      try {
        await api.post('/api/admin/staff', { name: v.name.trim(), email: v.email.trim(), role: v.role, languages: v.languages, maxChats: Number(v.maxChats), password: v.password });
      } catch (err) {
        throw err instanceof Error && (err as { status?: number }).status === 409 ? Object.assign(err, { message: s.taken }) : err;
      }
      form.reset();
      done(s.created(v.name.trim()));
    }}>
      <div class="form-row">
        <Field label={s.name}>{(ids) => <input {...ids} type="text" maxLength={100} required autocomplete="off" data-qa="staff-name" {...form.text('name')} />}</Field>
        <Field label={s.email}>{(ids) => <input {...ids} type="email" required autocomplete="off" data-qa="staff-email" {...form.text('email')} />}</Field>
      </div>
      <div class="form-row">
        <Field label={s.role}>{(ids) => <select {...ids} data-qa="staff-role" {...form.text('role')}><Options values={ROLES} label={(x) => copy.app.roles[x as Role]} /></select>}</Field>
        <Field label={s.maxChats}>{(ids) => <input {...ids} type="number" min="1" max="10" class="narrow" data-qa="staff-max-chats" {...form.text('maxChats')} />}</Field>
      </div>
      <LanguageChecks legend={s.languages} value={form.values.languages} onChange={(l) => form.set('languages', l)} qa="staff-languages" />
      <Field label={s.password} hint={s.passwordHint}>{(ids) => <input {...ids} type="password" autocomplete="new-password" minLength={10} required data-qa="staff-password" {...form.text('password')} />}</Field>
    </AdminForm>
  );
}
