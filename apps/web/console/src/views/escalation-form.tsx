import { useEffect, useRef, useState } from 'preact/hooks';
import { useUid } from '../dom';
import { LANGS, type Lang } from '../i18n';
import { api } from '../services';
import { lang as uiLang, t } from '../store';
import { SERVICE_KINDS, URGENCIES } from '../wire';
import { Field } from './controls';
import { regionName, type ChosenService, type EscalationBody } from './escalation-list';

/** A directory entry as `GET /api/services` gives it (names in the language asked for; `channel` absent from an older gateway). */
interface Service {
  id: string; name: string; kind: string; phone: string | null; hours: string | null; region: string | null; languages: string[];
  channel?: 'phone' | 'webhook' | 'email';
}

const ANY = '*';

/** Does a service serve the chosen region? A national service serves every part of its country; one without a region serves everywhere. */
function servesRegion(s: Service, region: string): boolean {
  if (region === ANY || !s.region) return true;
  const mine = s.region.trim().toUpperCase();
  return mine === region || region.startsWith(`${mine}-`) || mine.startsWith(`${region}-`);
}

/** The directory in every language (each service once), or why it could not be read. */
type Directory = { byLang: Partial<Record<Lang, Service[]>>; all: Service[] } | 'loading' | 'failed';

type Problem = 'service' | 'urgency' | 'summary' | 'consent';

export interface EscalationFormProps {
  /** The chat's line: the directory is first narrowed to services listed for it. */
  language: Lang;
  back(): void;
  /** Resolves to what went wrong, or nothing when the escalation was raised. */
  submit(body: EscalationBody, chosen: ChosenService): Promise<string | void>;
}

/**
 * Escalating to a crisis service, only with the person's consent. The counsellor narrows
 * the directory by kind, region and the language line it is listed for, chooses the urgency
 * (no default: it is a decision), writes only what the person agreed to share, and ticks the
 * consent box — without it nothing is sent. The details go to the service alone (sealed at rest).
 */
export function EscalationForm({ language, back, submit }: EscalationFormProps) {
  const copy = t.value;
  const e = copy.escalation;
  const titleId = useUid('escalate');
  const countId = useUid('count');
  const factsId = useUid('facts');
  const serviceId = useUid('service');
  const urgencyName = useUid('urgency');
  const [directory, setDirectory] = useState<Directory>('loading');
  const [kind, setKind] = useState(ANY);
  const [region, setRegion] = useState(ANY);
  const [listedFor, setListedFor] = useState<string>(language);
  const [service, setService] = useState('');
  const [urgency, setUrgency] = useState('');
  const [summary, setSummary] = useState('');
  const [phone, setPhone] = useState('');
  const [location, setLocation] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState('');
  /** The fields marked wrong: set by a refused submit, then kept up to date while the error shows. */
  const [marked, setMarked] = useState<readonly Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const controls = { service: useRef<HTMLSelectElement>(null), urgency: useRef<HTMLInputElement>(null), summary: useRef<HTMLTextAreaElement>(null), consent: useRef<HTMLInputElement>(null) };

  useEffect(() => {
    void Promise.all(LANGS.map((l) => api.get<Service[]>(`/api/services?language=${l}`).then((list) => [l, list] as const))).then((lists) => {
      const seen = new Map<string, Service>();
      for (const [, list] of lists) for (const s of list) if (!seen.has(s.id)) seen.set(s.id, s);
      setDirectory({ byLang: Object.fromEntries(lists), all: [...seen.values()] });
    }, () => {
      setDirectory('failed');
      setError(t.value.app.failed);
    });
  }, []);

  const all = typeof directory === 'object' ? directory.all : [];
  /** The name a counsellor reads: in the console's language where the directory has it, else the chat's. */
  const nameOf = (id: string): string => {
    if (typeof directory !== 'object') return id;
    for (const l of [uiLang.value, language, ...LANGS]) {
      const found = directory.byLang[l]?.find((s) => s.id === id);
      if (found) return found.name;
    }
    return id;
  };
  const matching = (k: string, r: string, l: string) => all.filter((s) => (k === ANY || s.kind === k) && servesRegion(s, r) && (l === ANY || s.languages.includes(l)));
  const list = matching(kind, region, listedFor);
  /** A filter changed: the chosen service stays when it still matches. */
  const refilter = (k: string, r: string, l: string) => {
    setKind(k);
    setRegion(r);
    setListedFor(l);
    if (!matching(k, r, l).some((s) => s.id === service)) setService('');
  };
  const regions = new Set<string>();
  for (const s of all) {
    const code = s.region?.trim().toUpperCase();
    if (!code) continue;
    regions.add(code);
    if (/^[A-Z]{2}-/.test(code)) regions.add(code.slice(0, 2));
  }
  const regionOptions = [...regions].map((r) => ({ r, label: regionName(r, uiLang.value) })).sort((a, b) => a.label.localeCompare(b.label, uiLang.value));
  const chosen = all.find((s) => s.id === service);

  const problems = (values = { service, urgency, summary, consent }): Problem[] => [
    ...(values.service ? [] : ['service' as const]), ...(values.urgency ? [] : ['urgency' as const]),
    ...(values.summary.trim() ? [] : ['summary' as const]), ...(values.consent ? [] : ['consent' as const]),
  ];
  const text: Record<Problem, string> = { service: e.missingService, urgency: e.missingUrgency, summary: e.missingSummary, consent: e.missingConsent };
  const invalid = (p: Problem) => (marked.includes(p) ? 'true' : undefined);

  const onSubmit = async (ev: Event) => {
    ev.preventDefault();
    const missing = problems();
    setMarked(missing);
    if (missing.length > 0) {
      setError(missing.map((p) => text[p]).join(' '));
      controls[missing[0]].current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    const body: EscalationBody = {
      serviceId: service, urgency,
      details: { summary: summary.trim(), ...(phone.trim() ? { callbackPhone: phone.trim() } : {}), ...(location.trim() ? { location: location.trim() } : {}) },
    };
    const problem = await submit(body, { id: service, name: nameOf(service), urgency });
    if (!form.current?.isConnected) return;
    setBusy(false);
    if (problem) setError(problem);
  };
  // while the error shows, the marks follow what is fixed (read from the form, which has the latest values)
  const onChange = () => {
    const el = form.current;
    if (!error || !el) return;
    setMarked(problems({
      service: controls.service.current?.value ?? '', urgency: el.querySelector<HTMLInputElement>(`input[name="${urgencyName}"]:checked`)?.value ?? '',
      summary: controls.summary.current?.value ?? '', consent: controls.consent.current?.checked ?? false,
    }));
  };

  return (
    <form ref={form} class="side-form escalation-form" aria-labelledby={titleId} noValidate onSubmit={onSubmit} onChange={onChange}
      onKeyDown={(ev) => { if (ev.key === 'Escape') { ev.preventDefault(); back(); } }}>
      <h3 id={titleId}>{e.title}</h3>
      <p class="tip">{e.intro}</p>
      <fieldset class="filters">
        <legend>{e.find}</legend>
        <div class="form-row">
          <Field label={e.kind}>{(ids) => (
            <select {...ids} data-qa="escalation-kind" value={kind} onChange={(ev) => refilter(ev.currentTarget.value, region, listedFor)}>
              <option value={ANY}>{e.anyKind}</option>
              {SERVICE_KINDS.filter((k) => all.some((s) => s.kind === k)).map((k) => <option key={k} value={k}>{copy.admin.services.kindValue[k] ?? k}</option>)}
            </select>
          )}</Field>
          <Field label={e.region}>{(ids) => (
            <select {...ids} data-qa="escalation-region" value={region} onChange={(ev) => refilter(kind, ev.currentTarget.value, listedFor)}>
              <option value={ANY}>{e.anyRegion}</option>
              {regionOptions.map(({ r, label }) => <option key={r} value={r}>{label}</option>)}
            </select>
          )}</Field>
          <Field label={e.listedFor}>{(ids) => (
            <select {...ids} data-qa="escalation-language" value={listedFor} onChange={(ev) => refilter(kind, region, ev.currentTarget.value)}>
              {LANGS.map((l) => <option key={l} value={l}>{l === language ? e.thisChat(e.chatsIn[l]) : e.chatsIn[l]}</option>)}
              <option value={ANY}>{e.anyLanguage}</option>
            </select>
          )}</Field>
        </div>
      </fieldset>
      <div class="field">
        <label for={serviceId}>{e.service}</label>
        <select ref={controls.service} id={serviceId} data-qa="escalation-service" required aria-describedby={`${countId} ${factsId}`} aria-invalid={invalid('service')}
          value={service} onChange={(ev) => setService(ev.currentTarget.value)}>
          {directory === 'loading' ? <option value="">{copy.app.loading}</option> : directory === 'failed' ? <option value="">{copy.app.failed}</option> : (
            <>
              <option value="">{list.length === 0 ? e.noMatch : copy.close.choose}</option>
              {SERVICE_KINDS.filter((k) => list.some((s) => s.kind === k)).map((k) => (
                <optgroup key={k} label={copy.admin.services.kindValue[k] ?? k}>
                  {list.filter((s) => s.kind === k).map((s) => <option key={s.id} value={s.id}>{[nameOf(s.id), s.phone].filter(Boolean).join(' — ')}</option>)}
                </optgroup>
              ))}
            </>
          )}
        </select>
        <span class="hint" id={countId} aria-live="polite">{typeof directory === 'object' ? e.matches(list.length) : ''}</span>
        <p class="service-facts" id={factsId}>
          {chosen && (
            <>
              <span>{copy.admin.services.kindValue[chosen.kind] ?? chosen.kind}</span>
              {chosen.region && <span>{regionName(chosen.region, uiLang.value)}</span>}
              {chosen.hours && <span>{`${e.hours}: ${chosen.hours}`}</span>}
              {chosen.phone && <span class="mono">{`${e.phone}: ${chosen.phone}`}</span>}
              {chosen.channel && <span class={`channel is-${chosen.channel}`} data-qa="escalation-channel">{e.channelFact[chosen.channel] ?? chosen.channel}</span>}
            </>
          )}
        </p>
      </div>
      <fieldset class={`choice urgency${marked.includes('urgency') ? ' invalid' : ''}`} data-qa="escalation-urgency">
        <legend>{e.urgency}</legend>
        {URGENCIES.map((u, i) => (
          <label class="check" key={u}>
            <input ref={i === 0 ? controls.urgency : undefined} type="radio" name={urgencyName} value={u} required checked={urgency === u} onChange={() => setUrgency(u)} />
            {e.urgencyValue[u] ?? u}
          </label>
        ))}
      </fieldset>
      <Field label={e.summary} hint={e.summaryHint}>{(ids) => (
        <textarea {...ids} ref={controls.summary} rows={3} maxLength={2000} required data-qa="escalation-summary" aria-invalid={invalid('summary')}
          value={summary} onInput={(ev) => setSummary(ev.currentTarget.value)} />
      )}</Field>
      <div class="form-row">
        <Field label={e.callbackPhone}>{(ids) => (
          <input {...ids} type="tel" maxLength={40} autocomplete="off" data-qa="escalation-callback-phone" value={phone} onInput={(ev) => setPhone(ev.currentTarget.value)} />
        )}</Field>
        <Field label={e.location}>{(ids) => (
          <input {...ids} type="text" maxLength={300} autocomplete="off" data-qa="escalation-location" value={location} onInput={(ev) => setLocation(ev.currentTarget.value)} />
        )}</Field>
      </div>
      <label class="check consent">
        <input ref={controls.consent} type="checkbox" required data-qa="escalation-consent" aria-invalid={invalid('consent')} checked={consent} onChange={(ev) => setConsent(ev.currentTarget.checked)} />
        {e.consent}
      </label>
      <p class="error" role="alert">{error}</p>
      <div class="buttons">
        <button type="submit" class="primary" data-qa="escalation-confirm" disabled={busy}>{e.confirm}</button>
        <button type="button" class="secondary" data-qa="escalation-cancel" onClick={back}>{copy.app.cancel}</button>
      </div>
    </form>
  );
}
