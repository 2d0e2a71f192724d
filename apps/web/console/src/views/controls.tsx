import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { LANGS, type Copy, type Lang } from '../i18n';
import { api } from '../services';
import { t } from '../store';
import { useUid } from '../dom';

/** What to say when a save failed: the server's reason for bad input or a conflict, else a calm "try again". */
export function errorText(copy: Copy, err: unknown): string {
  if (err instanceof ApiError && (err.status === 400 || err.status === 409)) return err.message;
  return copy.app.failed;
}

/** The ids a labelled control needs: its own, and its hint's when there is one. */
export interface ControlIds { id: string; 'aria-describedby'?: string }

/** A labelled control: the label names it, an optional hint describes it. */
export function Field({ label, hint, class: className, children }: { label: string; hint?: string; class?: string; children: (ids: ControlIds) => ComponentChildren }) {
  const id = useUid('f');
  const hintId = `${id}-hint`;
  return (
    <div class={className ? `field ${className}` : 'field'}>
      <label for={id}>{label}</label>
      {children(hint ? { id, 'aria-describedby': hintId } : { id })}
      {hint && <span class="hint" id={hintId}>{hint}</span>}
    </div>
  );
}

/** The options of a select: each value with its label, and a leading "any" choice when asked for. */
export function Options({ values, label, placeholder }: { values: readonly string[]; label: (v: string) => string; placeholder?: string }) {
  return (
    <>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {values.map((v) => <option key={v} value={v}>{label(v)}</option>)}
    </>
  );
}

/** A group of language checkboxes (staff languages, service languages), in the languages' order. */
export function LanguageChecks({ legend, value, onChange, qa }: { legend: string; value: readonly string[]; onChange(next: Lang[]): void; qa?: string }) {
  const toggle = (lang: Lang, on: boolean) => onChange(LANGS.filter((l) => (l === lang ? on : value.includes(l))));
  return (
    <fieldset class="choice languages" data-qa={qa}>
      <legend>{legend}</legend>
      {LANGS.map((l) => (
        <label class="check" key={l}>
          <input type="checkbox" value={l} checked={value.includes(l)} onChange={(e) => toggle(l, e.currentTarget.checked)} />
          {t.value.langName[l]}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A form section with a heading, an error line and Save/Cancel. `save` resolves on success;
 * a failure is said in the error line (the server's reason, or "try again").
 */
export function AdminForm(props: { title: string; save(): Promise<void>; cancel?(): void; saveLabel?: string; saveQa?: string; children: ComponentChildren }) {
  const titleId = useUid('title');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const copy = t.value;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await props.save();
    } catch (err) {
      setError(errorText(t.value, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="side-form" aria-labelledby={titleId} noValidate onSubmit={submit}>
      <h3 id={titleId}>{props.title}</h3>
      {props.children}
      <p class="error" role="alert">{error}</p>
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy} data-qa={props.saveQa}>{props.saveLabel ?? copy.app.save}</button>
        {props.cancel && <button type="button" class="secondary" onClick={props.cancel}>{copy.app.cancel}</button>}
      </div>
    </form>
  );
}

/** A form's values as one state, with the change handler each control binds to. */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof T>(key: K, value: T[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: { [K in keyof T]: T[K] extends string ? K : never }[keyof T]) => ({
    value: values[key] as string,
    onInput: (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value as T[typeof key]),
  });
  return { values, set, text, reset: () => setValues(initial) };
}

/** A ref that takes the focus when its element first appears (the first field of a form just opened). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/** The rows an admin section lists: loaded once, and again after every change. */
export function useRows<T>(path: string): { rows: T[] | undefined; reload(): void } {
  const [rows, setRows] = useState<T[] | undefined>(undefined);
  const reload = () => void api.get<T[]>(path).catch(() => []).then(setRows);
  useEffect(reload, [path]);
  return { rows, reload };
}
