import { useEffect, useRef, useState } from 'preact/hooks';
import { useUid } from '../dom';
import { LANGS, type Lang } from '../i18n';
import { api } from '../services';
import { t } from '../store';
import type { Colleague } from '../wire';
import { Field } from './controls';

export interface TransferTarget { toStaffId?: string; toLanguage?: Lang; note?: string }
export interface TransferFormProps {
  /** The chat's line: offered first among the lines. */
  language: Lang;
  back(): void;
  /** Resolves to what went wrong, or nothing when the chat has been handed on. */
  submit(target: TransferTarget): Promise<string | void>;
}

/**
 * Handing a chat on: to a colleague who is available and has room (they get it as an offer),
 * or to a language line. The person keeps the conversation and is told.
 */
export function TransferForm({ language, back, submit }: TransferFormProps) {
  const copy = t.value;
  const titleId = useUid('transfer');
  const name = useUid('to');
  const [to, setTo] = useState<'colleague' | 'line'>('colleague');
  /** Unset while the list of available colleagues is on its way. */
  const [colleagues, setColleagues] = useState<Colleague[] | undefined>(undefined);
  const [colleague, setColleague] = useState('');
  const [line, setLine] = useState<Lang>(language);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    api.get<Colleague[]>(`/api/team/available?language=${language}`).then((list) => {
      if (!form.current?.isConnected) return;
      setColleagues(list);
      setColleague(list[0]?.id ?? '');
      if (list.length === 0) {
        setError(t.value.transfer.noColleagues);
        setTo('line');
      }
    }, () => setError(t.value.app.failed));
  }, [language]);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const target: TransferTarget = to === 'colleague'
      ? { toStaffId: colleague || undefined, ...(note.trim() ? { note: note.trim() } : {}) }
      : { toLanguage: line };
    if (to === 'colleague' && !target.toStaffId) {
      setError(copy.transfer.noColleagues);
      return;
    }
    setBusy(true);
    setError('');
    const problem = await submit(target);
    if (!form.current?.isConnected) return;
    setBusy(false);
    if (problem) setError(problem);
  };
  return (
    <form ref={form} class="side-form" aria-labelledby={titleId} onSubmit={onSubmit}>
      <h3 id={titleId}>{copy.transfer.title}</h3>
      <fieldset class="choice">
        <legend>{copy.transfer.to}</legend>
        <label class="check"><input type="radio" name={name} value="colleague" checked={to === 'colleague'} onChange={() => setTo('colleague')} />{copy.transfer.toColleague}</label>
        <label class="check"><input type="radio" name={name} value="line" checked={to === 'line'} onChange={() => setTo('line')} />{copy.transfer.toLine}</label>
      </fieldset>
      <div class="sub-fields" hidden={to !== 'colleague'}>
        <Field label={copy.transfer.colleague}>{(ids) => (
          <select {...ids} value={colleague} onChange={(e) => setColleague(e.currentTarget.value)}>
            {!colleagues ? <option value="">{copy.app.loading}</option>
              : colleagues.length === 0 ? <option value="">{copy.app.none}</option>
              : colleagues.map((c) => <option key={c.id} value={c.id}>{`${c.name} (${copy.transfer.load(c.load, c.maxChats)})`}</option>)}
          </select>
        )}</Field>
        <Field label={copy.transfer.note} hint={copy.transfer.noteHint}>{(ids) => (
          <textarea {...ids} rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        )}</Field>
      </div>
      <div class="sub-fields" hidden={to !== 'line'}>
        <Field label={copy.transfer.line}>{(ids) => (
          <select {...ids} value={line} onChange={(e) => setLine(e.currentTarget.value as Lang)}>
            {LANGS.map((l) => <option key={l} value={l}>{copy.langName[l]}</option>)}
          </select>
        )}</Field>
      </div>
      <p class="error" role="alert">{error}</p>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy}>{copy.transfer.confirm}</button>
        <button type="button" class="secondary" onClick={back}>{copy.app.cancel}</button>
      </div>
    </form>
  );
}
