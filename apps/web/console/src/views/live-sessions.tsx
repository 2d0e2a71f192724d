import { useEffect, useState } from 'preact/hooks';
import { clock } from '../format';
import { LANGS, type Lang } from '../i18n';
import type { MonitorFeed } from '../monitor-feed';
import { api, request } from '../services';
import { liveSessions, notify, now, reassigning, t } from '../store';
import type { Colleague, LiveSession } from '../wire';
import { Field, Options, useFocusOnMount } from './controls';
import { useUid } from '../dom';

/** How long a chat has waited by now (it ticks between lists). */
function waited(r: LiveSession, at: number): number {
  return Math.max(0, r.waitedSeconds) + (Date.now() - at) / 1000;
}

/**
 * Every live chat for the duty manager: codes and times only, never text. A waiting one can
 * be reassigned to a colleague or another line; any one can be followed read-only.
 */
export function LiveSessions({ monitor }: { monitor: MonitorFeed }) {
  now.value; // the times count up every second
  const copy = t.value;
  const c = copy.board.col;
  const titleId = useUid('title');
  const { rows, at } = liveSessions.value;
  const open = reassigning.value;
  const time = (r: LiveSession) => (r.state === 'active' && r.assignedAt ? clock((Date.now() - Date.parse(r.assignedAt)) / 1000) : clock(waited(r, at)));
  const priority = (r: LiveSession) => {
    const parts = [r.priority === 0 ? copy.board.priority : '', ...r.riskFlags.map((f) => copy.riskFlag.category[f] ?? f)];
    if (r.triage.immediateDanger) parts.push(copy.triage.immediateDanger);
    return [...new Set(parts.filter(Boolean))].join(', ') || copy.app.none;
  };
  return (
    <section class="live-sessions" aria-labelledby={titleId}>
      <h2 id={titleId}>{copy.board.sessions}</h2>
      <div class="table-wrap">
        {rows.length === 0 ? <p class="tip">{copy.board.noSessions}</p> : (
          <table>
            <thead><tr>{[c.language, c.state, c.time, c.priority, c.counsellor, c.actions].map((x) => <th scope="col" class={x === c.time ? 'num' : undefined}>{x}</th>)}</tr></thead>
            <tbody>
              {/* keyed rows: a keyboard user keeps their place when the list changes */}
              {rows.map((r) => (
                <tr key={r.sessionId} class={r.priority === 0 && r.state !== 'active' ? 'urgent-row' : ''}>
                  <td class="cap">{copy.langName[r.language]}</td>
                  <td>{copy.board.state[r.state] ?? r.state}{r.state === 'active' && !r.survivorConnected ? <span class="tip">{` (${copy.board.disconnected})`}</span> : ''}</td>
                  <td data-time={r.sessionId} class="num">{time(r)}</td>
                  <td>{priority(r)}</td>
                  <td>{r.counsellorName ?? copy.app.none}</td>
                  <td class="actions">
                    <button type="button" class="secondary small" data-key={`${r.sessionId}:follow`} onClick={() => void monitor.follow(r)}>{copy.board.follow}</button>
                    {r.state !== 'active' && <button type="button" class="secondary small" data-key={`${r.sessionId}:reassign`} onClick={() => { reassigning.value = r; }}>{copy.board.reassign}</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div>{open && <ReassignForm key={open.sessionId} row={open} waitedText={clock(waited(open, at))} />}</div>
    </section>
  );
}

/** To a colleague on the same line, or back into another line's queue. */
function ReassignForm({ row, waitedText }: { row: LiveSession; waitedText: string }) {
  const copy = t.value;
  const titleId = useUid('title');
  // the wait as it was when the form opened: the title does not tick under the reader
  const [title] = useState(() => ` — ${copy.langName[row.language]}, ${waitedText}`);
  const [colleagues, setColleagues] = useState<Colleague[] | undefined>(undefined);
  const [to, setTo] = useState('');
  const [line, setLine] = useState<string>(row.language);
  const [error, setError] = useState('');
  const first = useFocusOnMount<HTMLSelectElement>();
  useEffect(() => {
    void api.get<Colleague[]>(`/api/team/available?language=${row.language}`).then(setColleagues, () => setError(t.value.app.failed));
  }, [row.language]);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = { sessionId: row.sessionId, ...(to ? { toStaffId: to } : {}), ...(line !== row.language || !to ? { toLanguage: line } : {}) };
    const ack = await request('session:reassign', body);
    if (!ack.ok) return setError(ack.error.message);
    reassigning.value = undefined;
    notify('reassigned', t.value.board.reassignDone, 'info');
  };
  return (
    <form class="side-form" aria-labelledby={titleId} onSubmit={submit}>
      <h3 id={titleId}>{copy.board.reassignTitle}{title}</h3>
      <div class="form-row">
        <Field label={copy.board.reassignTo}>{(ids) => (
          <select {...ids} ref={first} value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            {!colleagues ? <option value="">{copy.app.loading}</option> : <>
              <option value="">{copy.app.none}</option>
              {colleagues.map((c) => <option key={c.id} value={c.id}>{`${c.name} (${copy.transfer.load(c.load, c.maxChats)})`}</option>)}
            </>}
          </select>
        )}</Field>
        <Field label={copy.board.reassignLine}>{(ids) => (
          <select {...ids} value={line} onChange={(e) => setLine(e.currentTarget.value)}><Options values={LANGS} label={(l) => copy.langName[l as Lang]} /></select>
        )}</Field>
      </div>
      <p class="error" role="alert">{error}</p>
      <div class="buttons">
        <button type="submit" class="primary">{copy.board.reassignConfirm}</button>
        <button type="button" class="secondary" onClick={() => { reassigning.value = undefined; }}>{copy.app.cancel}</button>
      </div>
    </form>
  );
}
