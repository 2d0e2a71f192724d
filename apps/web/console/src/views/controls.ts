import { ApiError } from '../api';
import { h, uid } from '../dom';
import { LANGS, type Copy, type Lang } from '../i18n';

/** A group of language checkboxes (staff languages, service languages). */
export function languageChecks(t: Copy, legend: string, selected: readonly string[]): { el: HTMLElement; values(): Lang[] } {
  const boxes = LANGS.map((l) => h('input', { type: 'checkbox', value: l, checked: selected.includes(l) }));
  const el = h('fieldset', { class: 'choice languages' }, h('legend', {}, legend),
    ...boxes.map((box, i) => h('label', { class: 'check' }, box, t.langName[LANGS[i]])));
  return { el, values: () => boxes.filter((b) => b.checked).map((b) => b.value as Lang) };
}

/** What to say when a save failed: the server's reason for bad input or a conflict, else a calm "try again". */
export function errorText(t: Copy, err: unknown): string {
  if (err instanceof ApiError && (err.status === 400 || err.status === 409)) return err.message;
  return t.app.failed;
}

/** A form section with a heading, an error line and Save/Cancel; `save` returns nothing on success. */
export function adminForm(title: string, t: Copy, body: HTMLElement[], actions: { save(): Promise<void>; cancel?(): void; saveLabel?: string }): HTMLFormElement {
  const titleId = uid('form');
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, actions.saveLabel ?? t.app.save);
  const form = h('form', { class: 'side-form', 'aria-labelledby': titleId, novalidate: true, onsubmit: async (e: Event) => {
    e.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      await actions.save();
    } catch (err) {
      error.textContent = errorText(t, err);
    } finally {
      submit.disabled = false;
    }
  } },
    h('h3', { id: titleId }, title), ...body, error,
    h('div', { class: 'buttons' }, submit, actions.cancel && h('button', { type: 'button', class: 'secondary', onclick: actions.cancel }, t.app.cancel)));
  return form;
}
