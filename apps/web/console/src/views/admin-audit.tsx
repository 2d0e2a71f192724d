import { useEffect, useState } from 'preact/hooks';
import { dateTime } from '../format';
import { api } from '../services';
import { lang, t } from '../store';
import { AUDIT_ACTIONS } from '../wire';
import { Field, Options } from './controls';

interface Entry { at: string; actor: string | null; action: string; target?: string; sessionId?: string; detail?: string[] }
interface Person { id: string; name: string }

/**
 * The staff audit trail: sign-ins, account, directory and quick-reply changes, exports, and who
 * followed, transferred or reassigned which chat. Filtered by action and by person on the server.
 */
export function AuditAdmin() {
  const [people, setPeople] = useState<Person[]>([]);
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  // the rows with the filter they answer (`action|actor`), so a reader can tell a redrawn table from the last one
  const [shown, setShown] = useState<{ filter: string; entries: Entry[] } | undefined>(undefined);
  useEffect(() => {
    void api.get<Person[]>('/api/admin/staff').then((p) => setPeople([...p].sort((a, b) => a.name.localeCompare(b.name))), () => undefined);
  }, []);
  useEffect(() => {
    // only the newest request draws: a slow answer to an older filter never replaces a newer one
    let current = true;
    setShown(undefined);
    const query = new URLSearchParams({ limit: '200', ...(action ? { action } : {}), ...(actor ? { actor } : {}) });
    void api.get<Entry[]>(`/api/admin/audit?${query}`).catch(() => []).then((entries) => { if (current) setShown({ filter: `${action}|${actor}`, entries }); });
    return () => { current = false; };
  }, [action, actor]);
  const copy = t.value;
  const a = copy.admin.audit;
  return (
    <section class="admin-section">
      <h2>{copy.admin.tabs.audit}</h2>
      <p class="tip">{a.intro}</p>
      <fieldset class="filters audit-filters">
        <legend>{a.filter}</legend>
        <Field label={a.action}>{(ids) => (
          <select {...ids} data-qa="audit-action" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
            <Options values={AUDIT_ACTIONS} label={(x) => a.actionValue[x] ?? x} placeholder={a.allActions} />
          </select>
        )}</Field>
        <Field label={a.who}>{(ids) => (
          <select {...ids} data-qa="audit-person" value={actor} onChange={(e) => setActor(e.currentTarget.value)}>
            <Options values={people.map((p) => p.id)} label={(id) => people.find((p) => p.id === id)?.name ?? id} placeholder={a.everyone} />
          </select>
        )}</Field>
      </fieldset>
      {!shown ? <p>{copy.app.loading}</p> : shown.entries.length === 0 ? <p class="tip" data-qa="audit-empty" data-filter={shown.filter}>{action || actor ? a.noMatch : a.empty}</p> : (
        <div class="table-wrap">
          <table data-qa="audit-table" data-filter={shown.filter}>
            <thead><tr>{[a.at, a.who, a.action, a.target, a.session, a.detail].map((x) => <th scope="col">{x}</th>)}</tr></thead>
            <tbody>
              {shown.entries.map((e) => (
                <tr data-qa="audit-entry" data-action={e.action}>
                  <td class="num">{dateTime(e.at, lang.value)}</td>
                  <td>{e.actor ?? a.nobody}</td>
                  <td>{a.actionValue[e.action] ?? e.action}</td>
                  <td>{e.target ?? copy.app.none}</td>
                  <td class="mono">{e.sessionId ? e.sessionId.slice(0, 8) : copy.app.none}</td>
                  <td class="mono">{e.detail?.join(', ') ?? copy.app.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
