import { field, h, uid } from '../dom';
import { LANGS, type Lang } from '../i18n';
import { api } from '../services';
import { t as copy } from '../store';
import type { Colleague } from '../wire';

export interface TransferTarget { toStaffId?: string; toLanguage?: Lang; note?: string }

/**
 * Handing a chat on: to a colleague who is available and has room (they get it as an offer),
 * or to a language line. The person keeps the conversation and is told.
 */
export function transferForm(language: Lang, actions: { back(): void; submit(target: TransferTarget): Promise<string | void> }): HTMLElement {
  const t = copy.value;
  const titleId = uid('transfer');
  const name = uid('to');
  const toColleague = h('input', { type: 'radio', name, value: 'colleague', checked: true });
  const toLine = h('input', { type: 'radio', name, value: 'line' });
  const colleague = h('select', {}, h('option', { value: '' }, t.app.loading));
  const line = h('select', {}, ...LANGS.map((l) => h('option', { value: l, selected: l === language }, t.langName[l])));
  const note = h('textarea', { rows: '2', maxlength: '500' });
  const colleagueFields = h('div', { class: 'sub-fields' }, field(t.transfer.colleague, colleague), field(t.transfer.note, note, t.transfer.noteHint));
  const lineFields = h('div', { class: 'sub-fields', hidden: true }, field(t.transfer.line, line));
  const error = h('p', { class: 'error', role: 'alert' });
  const confirm = h('button', { type: 'submit', class: 'primary' }, t.transfer.confirm);
  const sync = () => {
    colleagueFields.hidden = !toColleague.checked;
    lineFields.hidden = !toLine.checked;
  };
  toColleague.addEventListener('change', sync);
  toLine.addEventListener('change', sync);
  void api.get<Colleague[]>(`/api/team/available?language=${language}`).then((list) => {
    colleague.replaceChildren(...list.map((c) => h('option', { value: c.id }, `${c.name} (${t.transfer.load(c.load, c.maxChats)})`)));
    if (list.length === 0) {
      colleague.replaceChildren(h('option', { value: '' }, t.app.none));
      error.textContent = t.transfer.noColleagues;
      toLine.checked = true;
      sync();
    }
  }, () => { error.textContent = t.app.failed; });
  const form = h('form', { class: 'side-form', 'aria-labelledby': titleId, onsubmit: async (e: Event) => {
    e.preventDefault();
    const target: TransferTarget = toColleague.checked
      ? { toStaffId: colleague.value || undefined, ...(note.value.trim() ? { note: note.value.trim() } : {}) }
      : { toLanguage: line.value as Lang };
    if (toColleague.checked && !target.toStaffId) {
      error.textContent = t.transfer.noColleagues;
      return;
    }
    confirm.disabled = true;
    error.textContent = '';
    const problem = await actions.submit(target);
    if (!form.isConnected) return;
    confirm.disabled = false;
    if (problem) error.textContent = problem;
  } },
    h('h3', { id: titleId }, t.transfer.title),
    h('fieldset', { class: 'choice' }, h('legend', {}, t.transfer.to),
      h('label', { class: 'check' }, toColleague, t.transfer.toColleague),
      h('label', { class: 'check' }, toLine, t.transfer.toLine)),
    colleagueFields,
    lineFields,
    error,
    h('div', { class: 'buttons' }, confirm, h('button', { type: 'button', class: 'secondary', onclick: actions.back }, t.app.cancel)));
  return form;
}
