import { useState } from 'preact/hooks';
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

/** Escalations raised from this chat, with their live status; a phone one shows the number and asks for the call's result. */
export function EscalationList({ raised, changed }: { raised: RaisedEscalation[]; changed(): void }) {
  const titleId = useUid('raised');
  if (raised.length === 0) return null;
  return (
    <section class="escalation-list" aria-labelledby={titleId}>
      <h3 id={titleId}>{t.value.escalation.list}</h3>
      <ul>{raised.map((item) => <RaisedItem key={item.escalationId} item={item} changed={changed} />)}</ul>
    </section>
  );
}

function RaisedItem({ item, changed }: { item: RaisedEscalation; changed(): void }) {
  const copy = t.value;
  const s = copy.escalation;
  const [error, setError] = useState('');
  const record = async (result: 'called' | 'reached' | 'not-reached') => {
    const ack = await request('escalation:phone-result', { escalationId: item.escalationId, result });
    if (!ack.ok) return setError(ack.error.code === 'unavailable' ? t.value.app.connection.offline : t.value.app.failed);
    setError('');
    item.phoneResult = result;
    item.status = String(ack.status ?? item.status);
    changed();
    announce(`${item.serviceName ?? s.list}: ${statusText(t.value, item, 'me')}`);
    // the list was drawn again: the keyboard stays with this escalation (its next button, or the item itself)
    const el = document.querySelector<HTMLElement>(`[data-qa="escalation"][data-id="${item.escalationId}"]`);
    (el?.querySelector<HTMLElement>('button') ?? el)?.focus();
  };
  const open = !item.byColleague && item.channel === 'phone' && (item.status === 'queued' || item.status === 'failed');
  const results = item.status === 'failed' ? (['reached'] as const) : item.phoneResult === 'called' ? (['reached', 'not-reached'] as const) : (['called', 'reached', 'not-reached'] as const);
  return (
    <li class={`escalation is-${item.status}`} data-qa="escalation" data-status={item.status} data-id={item.escalationId} tabIndex={-1}>
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
