import { timeOfDay } from '../format';
import { escalations, lang, onDuty, serviceNames, t } from '../store';
import { statusText } from './escalation-status';
import { useUid } from '../dom';

/** Who is on duty, with their load and since when; and the escalations still open. */
export function OnDutyTables() {
  const copy = t.value;
  const language = lang.value;
  const c = copy.board.staffCol;
  const e = copy.board.escalationCol;
  const dutyId = useUid('duty');
  const escId = useUid('esc');
  const staff = onDuty.value;
  const names = serviceNames.value.get(language);
  // open: not yet confirmed by the service (a phone one is done once the counsellor got through); failed ones first
  const open = escalations.value.filter((x) => x.status !== 'acknowledged' && !(x.channel === 'phone' && x.status === 'delivered'))
    .sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed')).slice(0, 15);
  // failed and unconfirmed escalations need a manager more than the roster does: they come first
  return (
    <div class="board-tables">
      <section aria-labelledby={escId}>
        <h2 id={escId}>{copy.board.escalations}</h2>
        {open.length === 0 ? <p class="tip">{copy.board.noEscalations}</p> : (
          <div class="table-wrap"><table>
            <thead><tr>{[e.service, e.urgency, e.status, e.by, e.at].map((x) => <th scope="col" class={x === e.at ? 'num' : undefined}>{x}</th>)}</tr></thead>
            <tbody>
              {open.map((x) => (
                <tr key={x.escalationId} class={x.status === 'failed' ? 'urgent-row' : ''} data-qa="board-escalation" data-id={x.escalationId} data-status={x.status}>
                  <td>{names?.get(x.serviceId) ?? x.serviceName}</td>
                  <td>{copy.escalation.urgencyValue[x.urgency] ?? x.urgency}</td>
                  <td><span class={`status is-${x.status}`}>{statusText(copy, { status: x.status, channel: x.channel, phoneResult: x.phoneResult ?? undefined }, 'board')}</span></td>
                  <td>{x.staffName}</td>
                  <td class="num">{timeOfDay(x.createdAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
      </section>
      <section aria-labelledby={dutyId}>
        <h2 id={dutyId}>{copy.board.onDuty}</h2>
        {staff.length === 0 ? <p class="tip">{copy.board.nobodyOnDuty}</p> : (
          <div class="table-wrap"><table>
            <thead><tr>{[c.name, c.role, c.languages, c.status, c.since, c.load, c.offers].map((x, i) => <th scope="col" class={i >= 4 ? 'num' : undefined}>{x}</th>)}</tr></thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{copy.app.roles[s.role]}</td>
                  <td>{s.languages.map((l) => l.toUpperCase()).join(', ')}</td>
                  <td><span class={`dot is-${s.presence}`}>{copy.presence[s.presence]}</span></td>
                  <td class="num">{timeOfDay(s.since, language)}</td>
                  <td class="num">{`${s.activeChats} / ${s.maxChats}`}</td>
                  <td class="num">{String(s.offers)}</td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
      </section>
    </div>
  );
}
