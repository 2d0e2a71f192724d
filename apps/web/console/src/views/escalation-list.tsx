import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { announce, useUid } from '../dom';
import type { Lang } from '../i18n';
import { request } from '../services';
import { t } from '../store';
import type { RaisedEscalation } from '../chat-state';
import { statusText } from './escalation-status';

export interface EscalationBody { serviceId: string; urgency: string; details: { summary: string; callbackPhone?: string; location?: string } }
export interface ChosenService { id: string; name: string; urgency: string }

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

/** Records the result of the counsellor's call in the store (the answer gives the new status). */
export type Recorded = (escalationId: string, result: string, status: string) => void;

/** Escalations raised from this chat, with their live status; a phone one shows the number and asks for the call's result. */
export function EscalationList({ raised, recorded }: { raised: readonly RaisedEscalation[]; recorded: Recorded }) {
  const titleId = useUid('raised');
  const ref = useRef<HTMLElement>(null);
  // a new status can take away the button the keyboard is on: it stays with its escalation (the same button, else its first, else the item)
  const active = document.activeElement;
  const kept = active instanceof HTMLElement && ref.current?.contains(active) ? { id: active.closest('[data-qa="escalation"]')?.getAttribute('data-id'), qa: active.dataset.qa } : undefined;
  useLayoutEffect(() => {
    const list = ref.current;
    if (!kept?.id || !list || list.contains(document.activeElement)) return;
    const item = list.querySelector<HTMLElement>(`[data-qa="escalation"][data-id="${kept.id}"]`);
    (item?.querySelector<HTMLElement>(`[data-qa="${kept.qa}"]`) ?? item?.querySelector<HTMLElement>('button') ?? item)?.focus();
  });
  if (raised.length === 0) return null;
  return (
    <section class="escalation-list" aria-labelledby={titleId} ref={ref}>
      <h3 id={titleId}>{t.value.escalation.list}</h3>
      <ul>{raised.map((item) => <RaisedItem key={item.escalationId} item={item} recorded={recorded} />)}</ul>
    </section>
  );
}

function RaisedItem({ item, recorded }: { item: RaisedEscalation; recorded: Recorded }) {
  const copy = t.value;
  const s = copy.escalation;
  const [error, setError] = useState('');
  const ref = useRef<HTMLLIElement>(null);
  /** Set when a result was recorded: once drawn again, the keyboard stays with this escalation (its next button, or the item itself). */
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    (ref.current?.querySelector<HTMLElement>('button') ?? ref.current)?.focus();
  });
  const record = async (result: 'called' | 'reached' | 'not-reached') => {
    const ack = await request('escalation:phone-result', { escalationId: item.escalationId, result });
    if (!ack.ok) return setError(ack.error.code === 'unavailable' ? t.value.app.connection.offline : t.value.app.failed);
    setError('');
    const status = String(ack.status ?? item.status);
    recorded(item.escalationId, result, status);
    refocus.current = true;
    announce(`${item.serviceName ?? s.list}: ${statusText(t.value, { ...item, phoneResult: result, status }, 'me')}`);
  };
  const open = !item.byColleague && item.channel === 'phone' && (item.status === 'queued' || item.status === 'failed');
  const results = item.status === 'failed' ? (['reached'] as const) : item.phoneResult === 'called' ? (['reached', 'not-reached'] as const) : (['called', 'reached', 'not-reached'] as const);
  return (
    <li ref={ref} class={`escalation is-${item.status}`} data-qa="escalation" data-status={item.status} data-id={item.escalationId} tabIndex={-1}>
      <p class="escalation-head">
        <strong>{item.serviceName ?? s.service}</strong>
        {item.urgency && <span class="tip">{` · ${s.urgencyValue[item.urgency] ?? item.urgency}`}</span>}
        {' '}<span class={`status is-${item.status}`} data-qa="escalation-status">{statusText(copy, item, item.byColleague ? 'board' : 'me')}</span>
      </p>
      {item.byColleague && <p class="tip" data-qa="escalation-by-colleague">{s.byColleague}</p>}
      {item.status === 'failed' && <p class="tip">{s.managerTold}</p>}
      {open && item.phone && (
        <div class="call">
          <p>{item.status === 'failed' ? s.callAgain : s.callNow}{' '}
            <a class="phone-number" href={`tel:${item.phone.replace(/[^\d+]/g, '')}`} data-qa="escalation-phone">{item.phone}</a>
          </p>
          <div class="buttons" role="group" aria-label={s.recordResult}>
            {results.map((result) => (
              <button key={result} type="button" class={`${result === 'reached' ? 'primary' : 'secondary'} small`} data-qa={`phone-${result}`} onClick={() => void record(result)}>
                {s.phoneAction[result]}
              </button>
            ))}
          </div>
          <p class="error" role="alert">{error}</p>
        </div>
      )}
    </li>
  );
}
