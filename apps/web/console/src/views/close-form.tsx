import { useRef, useState } from 'preact/hooks';
import { useUid } from '../dom';
import { t } from '../store';
import { CATEGORIES, OUTCOMES, RISK_LEVELS } from '../wire';
import { Field, Options } from './controls';

export interface CloseValues { outcome: string; riskLevel: string; categories: string[] }
export interface CloseFormProps {
  /** The chat has ended (the intro about ending it for the person goes, and so does the way back). */
  ended: boolean;
  back?: () => void;
  /** Resolves to what went wrong, or nothing when the chat is closed. */
  submit(values: CloseValues): Promise<string | void>;
}

/**
 * The closing form every chat needs before it closes. Outcome and risk level must be chosen
 * (no default that a tired hand could leave by mistake); categories are optional.
 */
export function CloseForm({ ended, back, submit }: CloseFormProps) {
  const copy = t.value;
  const c = copy.close;
  const titleId = useUid('close');
  const hintId = useUid('hint');
  const [outcome, setOutcome] = useState('');
  const [risk, setRisk] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef<HTMLSelectElement>(null);
  const riskRef = useRef<HTMLSelectElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!outcome || !risk) {
      setError(c.missing);
      (outcome ? riskRef : outcomeRef).current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    const problem = await submit({ outcome, riskLevel: risk, categories: CATEGORIES.filter((code) => categories.includes(code)) });
    if (!form.current?.isConnected) return;
    setBusy(false);
    if (problem) setError(problem);
  };
  return (
    <form ref={form} class="side-form close-form" aria-labelledby={titleId} noValidate onSubmit={onSubmit}>
      <h3 id={titleId}>{c.title}</h3>
      {!ended && <p class="tip">{c.intro}</p>}
      <div class="form-row">
        <Field label={c.outcome}>{(ids) => (
          <select {...ids} ref={outcomeRef} data-qa="close-outcome" required value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)}>
            <Options values={OUTCOMES} label={(v) => c.outcomeValue[v] ?? v} placeholder={c.choose} />
          </select>
        )}</Field>
        <Field label={c.risk}>{(ids) => (
          <select {...ids} ref={riskRef} data-qa="close-risk" required value={risk} onChange={(e) => setRisk(e.currentTarget.value)}>
            <Options values={RISK_LEVELS} label={(v) => c.riskValue[v] ?? v} placeholder={c.choose} />
          </select>
        )}</Field>
      </div>
      <fieldset class="categories" data-qa="close-categories" aria-describedby={hintId}>
        <legend>{c.categories}</legend>
        <p class="hint" id={hintId}>{c.categoriesHint}</p>
        <div class="check-grid">
          {CATEGORIES.map((code) => (
            <label class="check" key={code}>
              <input type="checkbox" name="category" value={code} checked={categories.includes(code)}
                onChange={(e) => { const on = e.currentTarget.checked; setCategories((list) => (on ? [...list, code] : list.filter((x) => x !== code))); }} />
              {c.categoryValue[code] ?? code}
            </label>
          ))}
        </div>
      </fieldset>
      <p class="error" role="alert">{error}</p>
      <div class="buttons">
        <button type="submit" class="primary" data-qa="close-confirm" disabled={busy}>{c.confirm}</button>
        {back && <button type="button" class="secondary" onClick={back}>{c.back}</button>}
      </div>
    </form>
  );
}
