import { useState } from 'preact/hooks';
import { announce, useUid } from '../dom';
import type { Lang } from '../i18n';
import { request } from '../services';
import { t } from '../store';
import type { OwnEscalation } from '../wire';
import { statusText } from './escalation-status';

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

/**
 * Adds an escalation to `raised` or updates the one already there. Statuses come from several
 * places (the worker, the gateway, a reload's list) and may arrive out of order: an older one
 * never replaces a newer one.
 */
export function upsertEscalation(raised: RaisedEscalation[], data: Omit<RaisedEscalation, 'status'> & { status?: string }, ackStatus?: string): RaisedEscalation {
  const known = raised.find((e) => e.escalationId === data.escalationId);
  const item: RaisedEscalation = known ?? { escalationId: data.escalationId, status: ackStatus ?? 'queued' };
  const older = !!(known?.at && data.at && Date.parse(data.at) < Date.parse(known.at));
  const { status, phoneResult, at, ...facts } = data;
  Object.assign(item, older ? facts : { ...facts, status: status ?? item.status, ...(phoneResult ? { phoneResult } : {}), ...(at ? { at } : {}) });
  if (!known) raised.push(item);
  return item;
}

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
