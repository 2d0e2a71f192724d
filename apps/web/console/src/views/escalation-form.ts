import type { App } from '../app';
import { field, h, options, uid } from '../dom';
import type { Lang } from '../i18n';
import { URGENCIES } from '../wire';

interface Service { id: string; name: string; kind: string; phone: string | null }
export interface RaisedEscalation { escalationId: string; status: string; channel?: string; phone?: string; phoneResult?: string }
export interface EscalationBody { serviceId: string; urgency: string; details: { summary: string; callbackPhone?: string; location?: string } }

/**
 * Escalating to a crisis service, only with the person's consent. The details go to the
 * service alone (sealed at rest); for a phone service the counsellor calls and records it.
 */
export function escalationForm(app: App, language: Lang, actions: { back(): void; submit(body: EscalationBody): Promise<string | void> }): HTMLElement {
  const t = app.t;
  const titleId = uid('escalate');
  const service = h('select', { required: true }, h('option', { value: '' }, t.app.loading));
  const urgency = h('select', {}, ...options(URGENCIES, (u) => t.escalation.urgencyValue[u] ?? u, 'immediate'));
  const summary = h('textarea', { rows: '3', maxlength: '2000', required: true });
  const phone = h('input', { type: 'tel', maxlength: '40', autocomplete: 'off' });
  const location = h('input', { type: 'text', maxlength: '300', autocomplete: 'off' });
  const consent = h('input', { type: 'checkbox', required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const confirm = h('button', { type: 'submit', class: 'primary' }, t.escalation.confirm);
  void app.api.get<Service[]>(`/api/services?language=${language}`).then((list) => {
    service.replaceChildren(...options(list.map((s) => s.id), (id) => {
      const s = list.find((x) => x.id === id)!;
      return [s.name, s.phone].filter(Boolean).join(' — ');
    }, undefined, t.close.choose));
  }, () => { error.textContent = t.app.failed; });
  const form = h('form', { class: 'side-form', 'aria-labelledby': titleId, novalidate: true, onsubmit: async (e: Event) => {
    e.preventDefault();
    const missing = [service, summary, consent].find((c) => (c instanceof HTMLInputElement && c.type === 'checkbox' ? !c.checked : !c.value.trim()));
    if (missing) {
      error.textContent = t.escalation.missing;
      missing.focus();
      return;
    }
    confirm.disabled = true;
    const problem = await actions.submit({
      serviceId: service.value, urgency: urgency.value,
      details: { summary: summary.value.trim(), ...(phone.value.trim() ? { callbackPhone: phone.value.trim() } : {}), ...(location.value.trim() ? { location: location.value.trim() } : {}) },
    });
    if (!form.isConnected) return;
    confirm.disabled = false;
    if (problem) error.textContent = problem;
  } },
    h('h3', { id: titleId }, t.escalation.title),
    h('div', { class: 'form-row' }, field(t.escalation.service, service), field(t.escalation.urgency, urgency)),
    field(t.escalation.summary, summary, t.escalation.summaryHint),
    h('div', { class: 'form-row' }, field(t.escalation.callbackPhone, phone), field(t.escalation.location, location)),
    h('label', { class: 'check consent' }, consent, t.escalation.consent),
    error,
    h('div', { class: 'buttons' }, confirm, h('button', { type: 'button', class: 'secondary', onclick: actions.back }, t.app.cancel)));
  return form;
}

/** Escalations raised from this chat, with their live status; a phone one asks for the call's result. */
export function escalationList(app: App, raised: RaisedEscalation[], changed: () => void): HTMLElement | string {
  const t = app.t;
  if (raised.length === 0) return '';
  return h('section', { class: 'escalation-list', 'aria-label': t.escalation.list }, h('ul', {}, ...raised.map((e) => h('li', {},
    h('span', { class: `status is-${e.status}` }, t.escalation.status[e.status] ?? e.status),
    e.phoneResult && h('span', {}, ` · ${t.escalation.phoneResult[e.phoneResult] ?? e.phoneResult}`),
    e.channel === 'phone' && e.phone && !e.phoneResult ? h('span', { class: 'call' }, ' ', t.escalation.callNow(e.phone), ' ',
      ...(['called', 'reached', 'not-reached'] as const).map((result) => h('button', { type: 'button', class: 'secondary small', onclick: async () => {
        const ack = await app.link!.request('escalation:phone-result', { escalationId: e.escalationId, result });
        if (ack.ok) {
          e.phoneResult = result;
          e.status = String(ack.status ?? e.status);
          changed();
        }
      } }, t.escalation.phoneResult[result]))) : null))));
}

