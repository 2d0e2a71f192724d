import type { App } from '../app';
import { h, uid } from '../dom';
import { timeOfDay } from '../format';
import type { Lang } from '../i18n';
import { statusText } from './escalation-form';

interface OnDuty { id: string; name: string; role: 'counsellor' | 'manager' | 'admin'; languages: Lang[]; presence: 'available' | 'away'; since: string; maxChats: number; activeChats: number; offers: number }
interface Escalation {
  escalationId: string; serviceId: string; serviceName: string; serviceKind: string; channel: string; urgency: string; status: string; phoneResult: string | null;
  attempts: number; staffName: string; createdAt: string;
}

/** Who is on duty, with their load and since when; and the escalations still open. */
export class OnDutyPanel {
  readonly el = h('div', { class: 'board-tables' });
  private staff: OnDuty[] = [];
  private escalations: Escalation[] = [];
  /** Service names in each console language (the escalation list gives the directory's own name). */
  private readonly names = new Map<Lang, Map<string, string>>();

  /** Refreshes can overlap (one per status event); only the newest one's answer is shown. */
  private latest = 0;

  constructor(private readonly app: App) {}

  async refresh(): Promise<void> {
    const mine = ++this.latest;
    const [staff, escalations] = await Promise.all([
      this.app.api.get<OnDuty[]>('/api/board/on-duty').catch(() => undefined),
      this.app.api.get<Escalation[]>('/api/escalations').catch(() => undefined),
    ]);
    if (mine !== this.latest) return;
    if (staff) this.staff = staff;
    if (escalations) this.escalations = escalations;
    const lang = this.app.lang;
    if (this.escalations.length > 0 && !this.names.has(lang)) {
      const list = await this.app.api.get<{ id: string; name: string }[]>(`/api/services?language=${lang}`).catch(() => undefined);
      if (list) this.names.set(lang, new Map(list.map((x) => [x.id, x.name])));
    }
    this.render();
  }

  render(): void {
    const t = this.app.t;
    const c = t.board.staffCol;
    const dutyId = uid('duty');
    const escId = uid('esc');
    const e = t.board.escalationCol;
    // open: not yet confirmed by the service (a phone one is done once the counsellor got through); failed ones first
    const open = this.escalations.filter((x) => x.status !== 'acknowledged' && !(x.channel === 'phone' && x.status === 'delivered'))
      .sort((a, b) => Number(b.status === 'failed') - Number(a.status === 'failed')).slice(0, 15);
    const dutyEl =
      h('section', { 'aria-labelledby': dutyId }, h('h2', { id: dutyId }, t.board.onDuty),
        this.staff.length === 0 ? h('p', { class: 'tip' }, t.board.nobodyOnDuty) : h('div', { class: 'table-wrap' }, h('table', {},
          h('thead', {}, h('tr', {}, ...[c.name, c.role, c.languages, c.status, c.since, c.load, c.offers].map((x, i) => h('th', { scope: 'col', class: i >= 4 ? 'num' : undefined }, x)))),
          h('tbody', {}, ...this.staff.map((s) => h('tr', {},
            h('th', { scope: 'row' }, s.name),
            h('td', {}, t.app.roles[s.role]),
            h('td', {}, s.languages.map((l) => l.toUpperCase()).join(', ')),
            h('td', {}, h('span', { class: `dot is-${s.presence}` }, t.presence[s.presence])),
            h('td', { class: 'num' }, timeOfDay(s.since, this.app.lang)),
            h('td', { class: 'num' }, `${s.activeChats} / ${s.maxChats}`),
            h('td', { class: 'num' }, String(s.offers))))))));
    const escalationsEl =
      h('section', { 'aria-labelledby': escId }, h('h2', { id: escId }, t.board.escalations),
        open.length === 0 ? h('p', { class: 'tip' }, t.board.noEscalations) : h('div', { class: 'table-wrap' }, h('table', {},
          h('thead', {}, h('tr', {}, ...[e.service, e.urgency, e.status, e.by, e.at].map((x) => h('th', { scope: 'col', class: x === e.at ? 'num' : undefined }, x)))),
          h('tbody', {}, ...open.map((x) => h('tr', { class: x.status === 'failed' ? 'urgent-row' : '', 'data-qa': 'board-escalation', 'data-id': x.escalationId, 'data-status': x.status },
            h('td', {}, this.names.get(this.app.lang)?.get(x.serviceId) ?? x.serviceName),
            h('td', {}, t.escalation.urgencyValue[x.urgency] ?? x.urgency),
            h('td', {}, h('span', { class: `status is-${x.status}` }, statusText(t, { status: x.status, channel: x.channel, phoneResult: x.phoneResult ?? undefined }, 'board'))),
            h('td', {}, x.staffName),
            h('td', { class: 'num' }, timeOfDay(x.createdAt, this.app.lang))))))));
    // failed and unconfirmed escalations need a manager more than the roster does: they come first
    this.el.replaceChildren(escalationsEl, dutyEl);
  }
}
