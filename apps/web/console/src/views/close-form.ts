import { field, h, options, uid } from '../dom';
import type { Copy } from '../i18n';
import { CATEGORIES, OUTCOMES, RISK_LEVELS } from '../wire';

export interface CloseValues { outcome: string; riskLevel: string; categories: string[] }

/**
 * The closing form every chat needs before it closes. Outcome and risk level must be chosen
 * (no default that a tired hand could leave by mistake); categories are optional.
 */
export function closeForm(t: Copy, actions: { ended: boolean; back?: () => void; submit(values: CloseValues): Promise<string | void> }): HTMLElement {
  const titleId = uid('close');
  const outcome = h('select', { 'data-qa': 'close-outcome', required: true }, ...options(OUTCOMES, (v) => t.close.outcomeValue[v] ?? v, undefined, t.close.choose));
  const risk = h('select', { 'data-qa': 'close-risk', required: true }, ...options(RISK_LEVELS, (v) => t.close.riskValue[v] ?? v, undefined, t.close.choose));
  const hintId = uid('hint');
  const categories = h('fieldset', { class: 'categories', 'data-qa': 'close-categories', 'aria-describedby': hintId },
    h('legend', {}, t.close.categories),
    h('p', { class: 'hint', id: hintId }, t.close.categoriesHint),
    h('div', { class: 'check-grid' }, ...CATEGORIES.map((code) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'category', value: code }), t.close.categoryValue[code] ?? code))));
  const error = h('p', { class: 'error', role: 'alert' });
  const confirm = h('button', { type: 'submit', class: 'primary', 'data-qa': 'close-confirm' }, t.close.confirm);
  const form = h('form', { class: 'side-form close-form', 'aria-labelledby': titleId, novalidate: true, onsubmit: async (e: Event) => {
    e.preventDefault();
    if (!outcome.value || !risk.value) {
      error.textContent = t.close.missing;
      (outcome.value ? risk : outcome).focus();
      return;
    }
    confirm.disabled = true;
    error.textContent = '';
    const checked = [...categories.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')].map((c) => c.value);
    const problem = await actions.submit({ outcome: outcome.value, riskLevel: risk.value, categories: checked });
    if (!form.isConnected) return;
    confirm.disabled = false;
    if (problem) error.textContent = problem;
  } },
    h('h3', { id: titleId }, t.close.title),
    !actions.ended && h('p', { class: 'tip' }, t.close.intro),
    h('div', { class: 'form-row' }, field(t.close.outcome, outcome), field(t.close.risk, risk)),
    categories,
    error,
    h('div', { class: 'buttons' }, confirm, actions.back && h('button', { type: 'button', class: 'secondary', onclick: actions.back }, t.close.back)));
  return form;
}
