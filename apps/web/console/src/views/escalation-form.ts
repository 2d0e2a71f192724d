import { announce, field, h, options, uid } from '../dom';
import { LANGS, type Copy, type Lang } from '../i18n';
import { api, request } from '../services';
import { lang as uiLang, t as copy } from '../store';
import { SERVICE_KINDS, URGENCIES, type OwnEscalation } from '../wire';
import { statusText } from './escalation-status';

/** A directory entry as `GET /api/services` gives it (names in the language asked for; `channel` absent from an older gateway). */
interface Service {
  id: string; name: string; kind: string; phone: string | null; hours: string | null; region: string | null; languages: string[];
  channel?: 'phone' | 'webhook' | 'email';
}
export interface RaisedEscalation {
  escalationId: string; status: string; channel?: string; phone?: string; phoneResult?: string;
  serviceName?: string; urgency?: string; at?: string;
  /** raised by a colleague before the chat was transferred: shown, but its call is theirs to record */
  byColleague?: boolean;
}
export interface EscalationBody { serviceId: string; urgency: string; details: { summary: string; callbackPhone?: string; location?: string } }
export interface ChosenService { id: string; name: string; urgency: string }

/** An escalation the server lists for one's chat (after a reload), as the chat pane keeps it; fields it lacks stay out. */
export function restoredEscalation(e: OwnEscalation): RaisedEscalation {
  return {
    escalationId: e.escalationId, status: e.status, channel: e.channel, serviceName: e.serviceName, at: e.at,
    ...(e.urgency ? { urgency: e.urgency } : {}), ...(e.phone ? { phone: e.phone } : {}), ...(e.phoneResult ? { phoneResult: e.phoneResult } : {}),
    ...(e.raisedByMe === false ? { byColleague: true } : {}),
  };
}

const ANY = '*';

/** A region as people say it: "PL" is Poland, "PL-LU" Poland with its subdivision code; free text stays as it is. */
export function regionName(region: string, lang: Lang): string {
  const code = region.trim().toUpperCase();
  const country = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/.exec(code);
  if (!country) return region;
  let name = country[1];
  try {
    name = new Intl.DisplayNames([lang], { type: 'region' }).of(country[1]) ?? country[1];
  } catch { /* an unknown code stays a code */ }
  return country[2] ? `${name} · ${code}` : name;
}

/** Does a service serve the chosen region? A national service serves every part of its country; one without a region serves everywhere. */
function servesRegion(s: Service, region: string): boolean {
  if (region === ANY || !s.region) return true;
  const mine = s.region.trim().toUpperCase();
  return mine === region || region.startsWith(`${mine}-`) || mine.startsWith(`${region}-`);
}

/**
 * Escalating to a crisis service, only with the person's consent. The counsellor narrows
 * the directory by kind, region and the language line it is listed for, chooses the urgency
 * (no default: it is a decision), writes only what the person agreed to share, and ticks the
 * consent box — without it nothing is sent. The details go to the service alone (sealed at rest).
 */
export function escalationForm(language: Lang, actions: { back(): void; submit(body: EscalationBody, chosen: ChosenService): Promise<string | void> }): HTMLElement {
  const t = copy.value;
  const e = t.escalation;
  const titleId = uid('escalate');
  const countId = uid('count');
  const factsId = uid('facts');
  let byLang: Partial<Record<Lang, Service[]>> = {};
  let all: Service[] = [];

  const kind = h('select', { 'data-qa': 'escalation-kind' }, h('option', { value: ANY }, e.anyKind));
  const region = h('select', { 'data-qa': 'escalation-region' }, h('option', { value: ANY }, e.anyRegion));
  const listedFor = h('select', { 'data-qa': 'escalation-language' },
    ...LANGS.map((l) => h('option', { value: l, selected: l === language }, l === language ? e.thisChat(e.chatsIn[l]) : e.chatsIn[l])),
    h('option', { value: ANY }, e.anyLanguage));
  const service = h('select', { id: uid('service'), 'data-qa': 'escalation-service', required: true, 'aria-describedby': `${countId} ${factsId}` }, h('option', { value: '' }, t.app.loading));
  const count = h('span', { class: 'hint', id: countId, 'aria-live': 'polite' });
  const facts = h('p', { class: 'service-facts', id: factsId });
  const urgencyName = uid('urgency');
  const urgencies = URGENCIES.map((u) => h('input', { type: 'radio', name: urgencyName, value: u, required: true }));
  const urgency = h('fieldset', { class: 'choice urgency', 'data-qa': 'escalation-urgency' }, h('legend', {}, e.urgency),
    ...urgencies.map((radio) => h('label', { class: 'check' }, radio, e.urgencyValue[radio.value] ?? radio.value)));
  const summary = h('textarea', { rows: '3', maxlength: '2000', required: true, 'data-qa': 'escalation-summary' });
  const phone = h('input', { type: 'tel', maxlength: '40', autocomplete: 'off', 'data-qa': 'escalation-callback-phone' });
  const location = h('input', { type: 'text', maxlength: '300', autocomplete: 'off', 'data-qa': 'escalation-location' });
  const consent = h('input', { type: 'checkbox', required: true, 'data-qa': 'escalation-consent' });
  const error = h('p', { class: 'error', role: 'alert' });
  const confirm = h('button', { type: 'submit', class: 'primary', 'data-qa': 'escalation-confirm' }, e.confirm);

  /** The name a counsellor reads: in the console's language where the directory has it, else the chat's. */
  const nameOf = (id: string): string => {
    for (const l of [uiLang.value, language, ...LANGS]) {
      const found = byLang[l]?.find((s) => s.id === id);
      if (found) return found.name;
    }
    return id;
  };

  const matching = (): Service[] => all.filter((s) => (kind.value === ANY || s.kind === kind.value) && servesRegion(s, region.value)
    && (listedFor.value === ANY || s.languages.includes(listedFor.value)));

  const showFacts = () => {
    const s = all.find((x) => x.id === service.value);
    facts.replaceChildren(...(s ? [
      h('span', {}, t.admin.services.kindValue[s.kind] ?? s.kind),
      s.region ? h('span', {}, regionName(s.region, uiLang.value)) : '',
      s.hours ? h('span', {}, `${e.hours}: ${s.hours}`) : '',
      s.phone ? h('span', { class: 'mono' }, `${e.phone}: ${s.phone}`) : '',
      s.channel ? h('span', { class: `channel is-${s.channel}`, 'data-qa': 'escalation-channel' }, e.channelFact[s.channel] ?? s.channel) : '',
    ] : []));
  };

  /** The service list under the filters; the choice stays when it still matches. */
  const refill = () => {
    const previous = service.value;
    const list = matching();
    const groups = SERVICE_KINDS.filter((k) => list.some((s) => s.kind === k)).map((k) => h('optgroup', { label: t.admin.services.kindValue[k] ?? k },
      ...list.filter((s) => s.kind === k).map((s) => h('option', { value: s.id, selected: s.id === previous }, [nameOf(s.id), s.phone].filter(Boolean).join(' — ')))));
    service.replaceChildren(h('option', { value: '', selected: !list.some((s) => s.id === previous) }, list.length === 0 ? e.noMatch : t.close.choose), ...groups);
    count.textContent = e.matches(list.length);
    showFacts();
  };

  void Promise.all(LANGS.map((l) => api.get<Service[]>(`/api/services?language=${l}`).then((list) => [l, list] as const))).then((lists) => {
    byLang = Object.fromEntries(lists);
    const seen = new Map<string, Service>();
    for (const [, list] of lists) for (const s of list) if (!seen.has(s.id)) seen.set(s.id, s);
    all = [...seen.values()];
    kind.append(...SERVICE_KINDS.filter((k) => all.some((s) => s.kind === k)).map((k) => h('option', { value: k }, t.admin.services.kindValue[k] ?? k)));
    const regions = new Set<string>();
    for (const s of all) {
      const code = s.region?.trim().toUpperCase();
      if (!code) continue;
      regions.add(code);
      if (/^[A-Z]{2}-/.test(code)) regions.add(code.slice(0, 2));
    }
    region.append(...[...regions].map((r) => ({ r, label: regionName(r, uiLang.value) })).sort((a, b) => a.label.localeCompare(b.label, uiLang.value))
      .map(({ r, label }) => h('option', { value: r }, label)));
    refill();
  }, () => {
    service.replaceChildren(h('option', { value: '' }, t.app.failed));
    error.textContent = t.app.failed;
  });
  for (const filter of [kind, region, listedFor]) filter.addEventListener('change', refill);
  service.addEventListener('change', showFacts);

  const chosenUrgency = () => urgencies.find((r) => r.checked)?.value ?? '';
  const problems = (): [HTMLElement, string][] => [
    [service, service.value ? '' : e.missingService] as [HTMLElement, string],
    [urgencies[0], chosenUrgency() ? '' : e.missingUrgency] as [HTMLElement, string],
    [summary, summary.value.trim() ? '' : e.missingSummary] as [HTMLElement, string],
    [consent, consent.checked ? '' : e.missingConsent] as [HTMLElement, string],
  ].filter(([, text]) => text);
  const mark = () => {
    const wrong = new Set(problems().map(([control]) => control));
    for (const control of [service, summary, consent]) {
      if (wrong.has(control)) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
    urgency.classList.toggle('invalid', wrong.has(urgencies[0]));
  };

  const form = h('form', { class: 'side-form escalation-form', 'aria-labelledby': titleId, novalidate: true,
    onkeydown: (ev: Event) => { if ((ev as KeyboardEvent).key === 'Escape') { ev.preventDefault(); actions.back(); } },
    onchange: () => { if (error.textContent) mark(); },
    onsubmit: async (ev: Event) => {
      ev.preventDefault();
      const missing = problems();
      mark();
      if (missing.length > 0) {
        error.textContent = missing.map(([, text]) => text).join(' ');
        missing[0][0].focus();
        return;
      }
      confirm.disabled = true;
      error.textContent = '';
      const body: EscalationBody = {
        serviceId: service.value, urgency: chosenUrgency(),
        details: { summary: summary.value.trim(), ...(phone.value.trim() ? { callbackPhone: phone.value.trim() } : {}), ...(location.value.trim() ? { location: location.value.trim() } : {}) },
      };
      const problem = await actions.submit(body, { id: service.value, name: nameOf(service.value), urgency: body.urgency });
      if (!form.isConnected) return;
      confirm.disabled = false;
      if (problem) error.textContent = problem;
    } },
    h('h3', { id: titleId }, e.title),
    h('p', { class: 'tip' }, e.intro),
    h('fieldset', { class: 'filters' }, h('legend', {}, e.find),
      h('div', { class: 'form-row' }, field(e.kind, kind), field(e.region, region), field(e.listedFor, listedFor))),
    h('div', { class: 'field' }, h('label', { for: service.id }, e.service), service, count, facts),
    urgency,
    field(e.summary, summary, e.summaryHint),
    h('div', { class: 'form-row' }, field(e.callbackPhone, phone), field(e.location, location)),
    h('label', { class: 'check consent' }, consent, e.consent),
    error,
    h('div', { class: 'buttons' }, confirm, h('button', { type: 'button', class: 'secondary', 'data-qa': 'escalation-cancel', onclick: actions.back }, t.app.cancel)));
  return form;
}

/** Escalations raised from this chat, with their live status; a phone one shows the number and asks for the call's result. */
export function escalationList(raised: RaisedEscalation[], changed: () => void): HTMLElement | string {
  const t = copy.value;
  const s = t.escalation;
  if (raised.length === 0) return '';
  const titleId = uid('raised');
  const record = async (item: RaisedEscalation, result: 'called' | 'reached' | 'not-reached', errorEl: HTMLElement) => {
    const ack = await request('escalation:phone-result', { escalationId: item.escalationId, result });
    if (!ack.ok) {
      errorEl.textContent = ack.error.code === 'unavailable' ? t.app.connection.offline : t.app.failed;
      return;
    }
    item.phoneResult = result;
    item.status = String(ack.status ?? item.status);
    changed();
    announce(`${item.serviceName ?? s.list}: ${statusText(t, item, 'me')}`);
    // the list was rebuilt: the keyboard stays with this escalation (its next button, or the item itself)
    const el = document.querySelector<HTMLElement>(`[data-qa="escalation"][data-id="${item.escalationId}"]`);
    (el?.querySelector<HTMLElement>('button') ?? el)?.focus();
  };
  return h('section', { class: 'escalation-list', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, s.list),
    h('ul', {}, ...raised.map((item) => {
      const errorEl = h('p', { class: 'error', role: 'alert' });
      const open = !item.byColleague && item.channel === 'phone' && (item.status === 'queued' || item.status === 'failed');
      const results = item.status === 'failed' ? (['reached'] as const) : item.phoneResult === 'called' ? (['reached', 'not-reached'] as const) : (['called', 'reached', 'not-reached'] as const);
      return h('li', { class: `escalation is-${item.status}`, 'data-qa': 'escalation', 'data-status': item.status, 'data-id': item.escalationId, tabindex: '-1' },
        h('p', { class: 'escalation-head' },
          h('strong', {}, item.serviceName ?? s.service),
          item.urgency ? h('span', { class: 'tip' }, ` · ${s.urgencyValue[item.urgency] ?? item.urgency}`) : '',
          ' ', h('span', { class: `status is-${item.status}`, 'data-qa': 'escalation-status' }, statusText(t, item, item.byColleague ? 'board' : 'me'))),
        item.byColleague ? h('p', { class: 'tip', 'data-qa': 'escalation-by-colleague' }, s.byColleague) : '',
        item.status === 'failed' ? h('p', { class: 'tip' }, s.managerTold) : '',
        open && item.phone ? h('div', { class: 'call' },
          h('p', {}, item.status === 'failed' ? s.callAgain : s.callNow, ' ',
            h('a', { class: 'phone-number', href: `tel:${item.phone.replace(/[^\d+]/g, '')}`, 'data-qa': 'escalation-phone' }, item.phone)),
          h('div', { class: 'buttons', role: 'group', 'aria-label': s.recordResult },
            ...results.map((result) => h('button', { type: 'button', class: `${result === 'reached' ? 'primary' : 'secondary'} small`, 'data-qa': `phone-${result}`,
              onclick: () => void record(item, result, errorEl) }, s.phoneAction[result]))),
          errorEl) : '');
    })));
}
