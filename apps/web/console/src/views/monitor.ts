import type { App, Listen } from '../app';
import { announce, focusHeading, h, uid } from '../dom';
import { timeOfDay } from '../format';
import type { Lang } from '../i18n';
import type { LiveSession, Message } from '../wire';

interface Followed { sessionId: string; language: Lang; counsellorName: string | null; messages: Message[]; ended: boolean }

/** Following one live chat, read only. Every start is recorded in the audit log by the server. */
export class MonitorPanel {
  readonly el = h('section', { class: 'monitor' });
  private followed?: Followed;
  private transcript?: HTMLElement;
  private log?: HTMLElement;

  constructor(private readonly app: App) {}

  listen(on: Listen): void {
    on<Message>('message', (m) => {
      if (m.sessionId !== this.followed?.sessionId || this.followed.messages.some((x) => x.id === m.id)) return;
      this.followed.messages.push(m);
      this.transcript?.append(this.messageEl(m));
      this.scrollDown();
    });
    on<{ sessionId: string }>('session:ended', (p) => {
      if (p.sessionId !== this.followed?.sessionId) return;
      this.followed.ended = true;
      this.render();
      announce(this.app.t.board.monitorEnded);
    });
  }

  async follow(s: LiveSession): Promise<void> {
    if (this.followed && this.followed.sessionId !== s.sessionId) await this.stop(false);
    // followed from the moment of asking: what the room sends before the answer is kept
    this.followed = { sessionId: s.sessionId, language: s.language, counsellorName: s.counsellorName ?? null, messages: [], ended: false };
    this.transcript = undefined;
    if (!(await this.load(this.followed))) return;
    focusHeading(this.el.querySelector('h2'));
  }

  /** After a reconnection the new socket is in no chat's room: follow the same chat again (audited again). */
  async resume(): Promise<void> {
    const f = this.followed;
    if (f && !f.ended) await this.load(f);
  }

  /** Asks the server for the chat and merges its transcript with what already arrived; false if it is gone. */
  private async load(f: Followed): Promise<boolean> {
    const ack = await this.app.link!.request('session:monitor', { sessionId: f.sessionId });
    if (this.followed !== f) return false;
    if (!ack.ok) {
      // no answer on a re-follow: keep what is shown; the next reconnection asks again
      if (ack.error.code === 'unavailable' && f.messages.length > 0) return false;
      if (ack.error.code === 'not_found' && f.messages.length > 0) {
        // it ended while this page was away: keep what was read, say it is over
        f.ended = true;
        this.render();
        return false;
      }
      this.followed = undefined;
      this.render();
      this.app.notify('monitor', ack.error.message, 'error');
      return false;
    }
    const session = ack.session as Omit<Followed, 'ended'>;
    const known = new Set(f.messages.map((m) => m.id));
    f.messages = [...f.messages, ...session.messages.filter((m) => !known.has(m.id))].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
    f.language = session.language;
    f.counsellorName = session.counsellorName;
    this.render();
    return true;
  }

  /** A followed chat moved to another line or counsellor: the title says so. */
  sync(rows: LiveSession[]): void {
    const f = this.followed;
    const row = f && rows.find((r) => r.sessionId === f.sessionId);
    if (!f || !row || (row.language === f.language && (row.counsellorName ?? null) === f.counsellorName)) return;
    f.language = row.language;
    f.counsellorName = row.counsellorName ?? null;
    const title = this.el.querySelector('h2');
    if (title) title.textContent = this.title(f);
  }

  private title(f: Followed): string {
    const t = this.app.t;
    return t.board.monitorTitle(`${t.langName[f.language]}${f.counsellorName ? `, ${f.counsellorName}` : ''}`);
  }

  render(): void {
    const t = this.app.t;
    const f = this.followed;
    this.el.hidden = !f;
    if (!f) return void this.el.replaceChildren();
    const titleId = uid('monitor');
    this.el.setAttribute('aria-labelledby', titleId);
    this.transcript = h('ol', { class: 'messages' }, ...f.messages.map((m) => this.messageEl(m)));
    this.log = h('div', { class: 'transcript', role: 'log', tabindex: '0', 'aria-label': t.chat.transcript }, this.transcript);
    this.el.replaceChildren(
      h('h2', { id: titleId }, this.title(f)),
      h('p', { class: 'tip' }, t.board.monitorNote),
      f.ended ? h('p', { class: 'banner ended' }, t.board.monitorEnded) : '',
      this.log,
      h('button', { type: 'button', class: 'secondary', onclick: () => void this.stop(true) }, t.board.stopFollowing));
    this.scrollDown();
  }

  private async stop(rerender: boolean): Promise<void> {
    const f = this.followed;
    this.followed = undefined;
    if (f && !f.ended) await this.app.link!.request('session:unmonitor', { sessionId: f.sessionId });
    if (rerender) this.render();
  }

  private messageEl(m: Message): HTMLElement {
    const t = this.app.t;
    const who = m.from === 'counsellor' ? this.followed?.counsellorName ?? t.chat.from.counsellor : t.chat.from[m.from];
    return h('li', { class: `msg from-${m.from}`, 'data-qa': 'monitor-message', 'data-from': m.from },
      h('p', { class: 'meta' }, h('span', { class: 'who' }, who), ' ', h('time', { datetime: m.sentAt }, timeOfDay(m.sentAt, this.app.lang))),
      h('p', { class: 'text' }, m.text));
  }

  private scrollDown(): void {
    const log = this.log;
    if (log) requestAnimationFrame(() => { log.scrollTop = log.scrollHeight; });
  }
}
