import type { App, Listen, View } from '../app';
import { announce, h, uid } from '../dom';
import { clock, timeOfDay } from '../format';
import { LANGS, type Lang } from '../i18n';
import type { LiveSession, QueueStatus } from '../wire';
import { LiveSessions } from './live-sessions';
import { MonitorPanel } from './monitor';
import { OnDutyPanel } from './on-duty';
import { WaitsPanel } from './waits-chart';

interface Alert { id: number; text: string; at: Date }
type Figure = 'waiting' | 'priorityWaiting' | 'longestWaitSeconds' | 'counsellorsAvailable' | 'counsellorsBusy' | 'activeSessions';

const THRESHOLD_KEY = 'prystan.alert-threshold';
/** A wait this long (seconds) turns a line amber, and this long red. */
const SLOW_WAIT = 120;
const LONG_WAIT = 300;

/**
 * The duty managers' board: each line's numbers live from `queue:status` (the longest wait
 * ticks here between updates), alerts that sound wherever the manager is in the console,
 * live chats to follow or reassign, who is on duty, escalations and today's waits.
 */
export class BoardView implements View {
  readonly el = h('section', { class: 'board' });
  private status?: QueueStatus;
  private statusAt = 0;
  private alerts: Alert[] = [];
  private readonly alerted = new Set<string>();
  private alertCounter = 0;
  private liveFetches = 0;
  private threshold = Number(sessionStorage.getItem(THRESHOLD_KEY)) || 60;
  private readonly figures = h('div', { class: 'lines' });
  private readonly updated = h('p', { class: 'tip' });
  private readonly alertsEl = h('section', { class: 'alerts' });
  private readonly live: LiveSessions;
  private readonly monitor: MonitorPanel;
  private readonly onDuty: OnDutyPanel;
  private readonly waits: WaitsPanel;
  private liveTimer?: number;
  private lineStates = '';

  constructor(private readonly app: App) {
    this.monitor = new MonitorPanel(app);
    this.live = new LiveSessions(app, { follow: (s) => void this.monitor.follow(s) });
    this.onDuty = new OnDutyPanel(app);
    this.waits = new WaitsPanel(app);
    window.setInterval(() => this.tick(), 1000);
    window.setInterval(() => { void this.onDuty.refresh(); void this.fetchLive(); }, 30_000);
    window.setInterval(() => void this.waits.refresh(), 300_000);
  }

  listen(on: Listen): void {
    on<QueueStatus>('queue:status', (s) => {
      this.status = s;
      this.statusAt = Date.now();
      this.renderFigures();
      window.clearTimeout(this.liveTimer);
      this.liveTimer = window.setTimeout(() => { void this.fetchLive(); void this.onDuty.refresh(); }, 400);
    });
    on<{ kind: string; language?: Lang; category?: string; channel?: string }>('alert', (a) => {
      const t = this.app.t;
      if (a.kind === 'flagged-waiting') this.raise(t.board.flaggedAlert(a.language ? t.langName[a.language] : '', t.riskFlag.category[a.category ?? ''] ?? a.category ?? ''));
      else if (a.kind === 'escalation-failed') {
        // a call that did not get through, or a delivery that failed (the channel says which)
        this.raise(t.board.escalationFailedAlert[a.channel ?? 'other'] ?? t.board.escalationFailedAlert.other);
        void this.onDuty.refresh();
      }
    });
    on('escalation:status', () => void this.onDuty.refresh());
    this.monitor.listen(on);
  }

  /** After every (re)connection. */
  refresh(): void {
    void this.fetchLive();
    void this.monitor.resume();
    void this.onDuty.refresh();
    void this.waits.refresh();
  }

  render(): void {
    const t = this.app.t.board;
    const alertsTitle = uid('alerts');
    const threshold = h('input', { type: 'number', min: '10', max: '3600', step: '5', value: String(this.threshold), class: 'narrow', onchange: (e: Event) => {
      const value = Number((e.target as HTMLInputElement).value);
      if (value >= 10 && value <= 3600) {
        this.threshold = value;
        sessionStorage.setItem(THRESHOLD_KEY, String(value));
      }
    } });
    threshold.id = uid('threshold');
    this.alertsEl.setAttribute('aria-labelledby', alertsTitle);
    this.alertsEl.replaceChildren(h('h2', { id: alertsTitle }, t.alerts),
      h('div', { class: 'field inline-field' }, h('label', { for: threshold.id }, t.threshold), threshold),
      h('ul', { class: 'alert-list' }));
    this.renderAlerts();
    this.renderFigures();
    this.live.render();
    this.monitor.render();
    this.onDuty.render();
    this.waits.render();
    this.el.replaceChildren(h('div', { class: 'board-head' }, h('h1', {}, t.title), this.updated),
      this.figures, this.alertsEl, this.monitor.el, this.live.el, this.onDuty.el, this.waits.el);
  }

  private async fetchLive(): Promise<void> {
    const mine = ++this.liveFetches;
    const ack = await this.app.link!.request('sessions:list', { scope: 'live' });
    // answers can cross: only the newest is drawn
    if (!ack.ok || mine !== this.liveFetches) return;
    this.live.update(ack.sessions as LiveSession[]);
    this.monitor.sync(ack.sessions as LiveSession[]);
  }

  /**
   * Each line's numbers. Colour means something here, and never alone: red for a priority
   * chat waiting or a wait over 5 minutes, amber for people waiting with nobody free or a
   * wait over 2 minutes — each with its reason in words. A zero is drawn quietly.
   */
  private renderFigures(): void {
    const t = this.app.t;
    if (!this.status) return;
    this.updated.textContent = t.board.updated(timeOfDay(this.status.at, this.app.lang));
    const names: [Figure, string][] = [
      ['waiting', t.board.waiting], ['priorityWaiting', t.board.priorityWaiting], ['longestWaitSeconds', t.board.longestWait],
      ['counsellorsAvailable', t.board.available], ['counsellorsBusy', t.board.busy], ['activeSessions', t.board.active],
    ];
    this.lineStates = LANGS.map((lang) => this.lineState(lang).level).join();
    this.figures.replaceChildren(...LANGS.map((lang) => {
      const line = this.status!.languages[lang];
      const titleId = uid('line');
      const state = this.lineState(lang);
      const tone = (key: Figure): string => {
        if (key === 'priorityWaiting' && line.priorityWaiting > 0) return ' is-danger';
        if (key === 'longestWaitSeconds' && line.waiting > 0) return this.longest(lang) >= LONG_WAIT ? ' is-danger' : this.longest(lang) >= SLOW_WAIT ? ' is-warn' : '';
        if (key === 'counsellorsAvailable' && line.waiting > 0 && line.counsellorsAvailable === 0) return ' is-warn';
        return key !== 'longestWaitSeconds' && line[key] === 0 ? ' is-zero' : '';
      };
      return h('section', { class: `line is-${state.level}`, 'aria-labelledby': titleId, 'data-qa': `line-${lang}`, 'data-level': state.level },
        h('h2', { id: titleId }, t.board.lineName[lang]),
        h('p', { class: 'line-state' }, state.reasons.join(' · ') || (line.waiting === 0 ? t.board.calmEmpty : t.board.calmShort)),
        h('dl', {}, ...names.map(([key, label]) => h('div', { class: `figure ${key}${tone(key)}` }, h('dt', {}, label),
          h('dd', key === 'waiting' ? { 'data-qa': `queue-${lang}-waiting` } : key === 'longestWaitSeconds' ? { 'data-longest': lang } : {},
            key === 'longestWaitSeconds' ? this.longestText(lang) : String(line[key]))))));
    }));
  }

  /** How a line is doing, and why, in words. */
  private lineState(lang: Lang): { level: 'calm' | 'warn' | 'danger'; reasons: string[] } {
    const t = this.app.t.board;
    const line = this.status!.languages[lang];
    const waited = this.longest(lang);
    const danger = [line.priorityWaiting > 0 && t.priorityReason(line.priorityWaiting), line.waiting > 0 && waited >= LONG_WAIT && t.longWaitReason].filter((x): x is string => !!x);
    const warn = [line.waiting > 0 && line.counsellorsAvailable === 0 && t.nobodyFreeReason, line.waiting > 0 && waited >= SLOW_WAIT && waited < LONG_WAIT && t.slowWaitReason].filter((x): x is string => !!x);
    return { level: danger.length > 0 ? 'danger' : warn.length > 0 ? 'warn' : 'calm', reasons: [...danger, ...warn] };
  }

  private longestText(lang: Lang): string {
    return this.status?.languages[lang].waiting ? clock(this.longest(lang)) : this.app.t.app.none;
  }

  private longest(lang: Lang): number {
    const line = this.status?.languages[lang];
    if (!line || line.waiting === 0) return 0;
    return line.longestWaitSeconds + (Date.now() - this.statusAt) / 1000;
  }

  /** Every second: the longest waits, the live table's times, and the priority-wait alert. */
  private tick(): void {
    // a wait that crosses 2 or 5 minutes changes its line's colour and words
    if (this.status && LANGS.map((lang) => this.lineState(lang).level).join() !== this.lineStates) this.renderFigures();
    for (const lang of LANGS) {
      const cell = this.figures.querySelector(`[data-longest="${lang}"]`);
      if (cell) cell.textContent = this.longestText(lang);
      cell?.parentElement?.classList.toggle('is-danger', !!this.status?.languages[lang].waiting && this.longest(lang) >= LONG_WAIT);
      cell?.parentElement?.classList.toggle('is-warn', !!this.status?.languages[lang].waiting && this.longest(lang) >= SLOW_WAIT && this.longest(lang) < LONG_WAIT);
    }
    this.live.tick();
    const t = this.app.t;
    for (const s of this.live.overdue(this.threshold)) {
      if (this.alerted.has(s.sessionId)) continue;
      this.alerted.add(s.sessionId);
      this.raise(t.board.priorityAlert(t.langName[s.language], clock(s.waited)));
    }
  }

  private raise(text: string): void {
    this.alerts = [{ id: ++this.alertCounter, text, at: new Date() }, ...this.alerts].slice(0, 20);
    this.renderAlerts();
    this.app.attention.chime();
    this.app.attention.flash('alerts', text);
    if (!this.el.isConnected) this.app.notify('board-alert', text, 'alert', '#/board');
    else {
      announce(text, true);
      // scrolled away from the alerts (following a chat, reading the tables): show it at the top too
      const list = this.alertsEl.getBoundingClientRect();
      const top = document.querySelector('.masthead')?.getBoundingClientRect().bottom ?? 0;
      if (list.bottom < top + 40 || list.top > window.innerHeight - 40) this.app.notify('board-alert', text, 'alert');
    }
  }

  private dismiss(id: number): void {
    this.alerts = this.alerts.filter((a) => a.id !== id);
    if (this.alerts.length === 0) {
      this.app.attention.stopFlash('alerts');
      this.app.clearNotice('board-alert');
    }
    this.renderAlerts();
  }

  private renderAlerts(): void {
    const t = this.app.t;
    const list = this.alertsEl.querySelector('.alert-list');
    if (!list) return;
    list.replaceChildren(...(this.alerts.length === 0 ? [h('li', { class: 'tip' }, t.board.noAlerts)] : this.alerts.map((a) => h('li', { class: 'alert-item' },
      h('time', { datetime: a.at.toISOString() }, timeOfDay(a.at, this.app.lang)), ' ', h('span', {}, a.text), ' ',
      h('button', { type: 'button', class: 'quiet small', onclick: () => this.dismiss(a.id) }, t.app.dismiss)))));
  }
}
