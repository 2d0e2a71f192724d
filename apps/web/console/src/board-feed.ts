import type { Listen } from './screens';
import { announce } from './dom';
import { clock } from './format';
import { api, attention, request } from './services';
import {
  alertThreshold, boardAlerts, clearNotice, escalations, lang, liveSessions, notify, now, onDuty, queue, reassigning, serviceNames, t, waits,
  type BoardEscalation, type OnDuty,
} from './store';
import type { LiveSession } from './wire';

const THRESHOLD_KEY = 'prystan.alert-threshold';
/** The wait bands of the contact log, shortest first (the chart's colours follow this order). */
export const WAIT_BANDS = ['under-1m', '1-5m', '5-15m', '15-60m', 'over-60m'];

/**
 * What the duty managers' board hears and asks, written into the store: each line's numbers from
 * `queue:status`, the live chats, who is on duty, the open escalations, today's waits, and the
 * alerts — which sound wherever the manager is in the console, so they live here, not on the board.
 */
export class BoardFeed {
  /** The alert list while the board shows it: an alert scrolled out of sight is also shown at the top. */
  alertsEl?: HTMLElement;
  private readonly alerted = new Set<string>();
  private alertCounter = 0;
  private liveFetches = 0;
  private onDutyFetches = 0;
  private liveTimer?: number;

  constructor() {
    alertThreshold.value = Number(sessionStorage.getItem(THRESHOLD_KEY)) || 60;
    window.setInterval(() => this.tick(), 1000);
    window.setInterval(() => { void this.refreshOnDuty(); void this.fetchLive(); }, 30_000);
    window.setInterval(() => void this.refreshWaits(), 300_000);
  }

  listen(on: Listen): void {
    on('queue:status', (status) => {
      queue.value = { status, at: Date.now() };
      window.clearTimeout(this.liveTimer);
      this.liveTimer = window.setTimeout(() => { void this.fetchLive(); void this.refreshOnDuty(); }, 400);
    });
    on('alert', (a) => {
      const copy = t.value;
      if (a.kind === 'flagged-waiting') this.raise(copy.board.flaggedAlert(copy.langName[a.language], copy.riskFlag.category[a.category] ?? a.category));
      else if (a.kind === 'escalation-failed') {
        // a call that did not get through, or a delivery that failed (the channel says which)
        this.raise(copy.board.escalationFailedAlert[a.channel ?? 'other'] ?? copy.board.escalationFailedAlert.other);
        void this.refreshOnDuty();
      }
    });
    on('escalation:status', () => void this.refreshOnDuty());
  }

  /** After every (re)connection. */
  refresh(): void {
    void this.fetchLive();
    void this.refreshOnDuty();
    void this.refreshWaits();
  }

  setThreshold(value: number): void {
    if (!(value >= 10 && value <= 3600)) return;
    alertThreshold.value = value;
    sessionStorage.setItem(THRESHOLD_KEY, String(value));
  }

  dismiss(id: number): void {
    boardAlerts.value = boardAlerts.value.filter((a) => a.id !== id);
    if (boardAlerts.value.length > 0) return;
    attention.stopFlash('alerts');
    clearNotice('board-alert');
  }

  private async fetchLive(): Promise<void> {
    const mine = ++this.liveFetches;
    const ack = await request('sessions:list', { scope: 'live' });
    // answers can cross: only the newest is drawn
    if (!ack.ok || mine !== this.liveFetches) return;
    const rows = ack.sessions as LiveSession[];
    liveSessions.value = { rows, at: Date.now() };
    const open = reassigning.value;
    if (open && !rows.some((r) => r.sessionId === open.sessionId && r.state !== 'active')) reassigning.value = undefined;
  }

  /** Refreshes can overlap (one per status event); only the newest one's answer is kept. */
  private async refreshOnDuty(): Promise<void> {
    const mine = ++this.onDutyFetches;
    const [staff, list] = await Promise.all([
      api.get<OnDuty[]>('/api/board/on-duty').catch(() => undefined),
      api.get<BoardEscalation[]>('/api/escalations').catch(() => undefined),
    ]);
    if (mine !== this.onDutyFetches) return;
    // the escalation list gives the directory's own name: the board shows each service's name in the console's language
    const language = lang.value;
    if ((list ?? escalations.value).length > 0 && !serviceNames.value.has(language)) {
      const names = await api.get<{ id: string; name: string }[]>(`/api/services?language=${language}`).catch(() => undefined);
      if (names) serviceNames.value = new Map(serviceNames.value).set(language, new Map(names.map((x) => [x.id, x.name])));
    }
    if (staff) onDuty.value = staff;
    if (list) escalations.value = list;
  }

  /** Today's waits from the anonymised contact log. Its hours are UTC: yesterday and today (UTC) cover the whole local day. */
  private async refreshWaits(): Promise<void> {
    const today = new Date();
    const start = new Date(today.getFullYear(), today.getMonth(), today.getDate());
    const days = [...new Set([start.toISOString().slice(0, 10), today.toISOString().slice(0, 10)])];
    const answers = await Promise.all(days.map((day) => api.get<{ hours: { hour: string; waitBand: string; contacts: number }[] }>(`/api/board/waits?day=${day}`).catch(() => undefined)));
    if (answers.some((a) => !a)) return;
    const counts = Array.from({ length: 24 }, () => WAIT_BANDS.map(() => 0));
    for (const row of answers.flatMap((a) => a!.hours)) {
      const at = new Date(row.hour);
      const band = WAIT_BANDS.indexOf(row.waitBand);
      if (at < start || at.getTime() >= start.getTime() + 86_400_000 || band < 0) continue;
      counts[at.getHours()][band] += row.contacts;
    }
    waits.value = counts;
  }

  /** Every second: the board's clock, and the priority-wait alert. */
  private tick(): void {
    now.value = Date.now();
    const copy = t.value;
    const { rows, at } = liveSessions.value;
    for (const r of rows) {
      const waited = Math.max(0, r.waitedSeconds) + (Date.now() - at) / 1000;
      if (r.priority !== 0 || r.state === 'active' || waited <= alertThreshold.value || this.alerted.has(r.sessionId)) continue;
      this.alerted.add(r.sessionId);
      this.raise(copy.board.priorityAlert(copy.langName[r.language], clock(waited)));
    }
  }

  private raise(text: string): void {
    boardAlerts.value = [{ id: ++this.alertCounter, text, at: new Date() }, ...boardAlerts.value].slice(0, 20);
    attention.chime();
    attention.flash('alerts', text);
    const list = this.alertsEl;
    if (!list?.isConnected) return notify('board-alert', text, 'alert', '#/board');
    announce(text, true);
    // scrolled away from the alerts (following a chat, reading the tables): show it at the top too
    const box = list.getBoundingClientRect();
    const top = document.querySelector('.masthead')?.getBoundingClientRect().bottom ?? 0;
    if (box.bottom < top + 40 || box.top > window.innerHeight - 40) notify('board-alert', text, 'alert');
  }
}
