import { createElement, render, type ComponentChild } from 'preact';
import { announce, h, uid } from '../dom';
import { timeOfDay } from '../format';
import type { Lang } from '../i18n';
import { request } from '../services';
import { lang as uiLang, t as copy, type ChatMode, type DeskChat } from '../store';
import { newerRisk, type ChatRisk } from '../risk-banners';
import type { EscalationStatus, Message, OwnSession, RiskFlag, Triage } from '../wire';
import { ChatBanners, ChatMeta, ChatTitle } from './chat-head';
import { CloseForm } from './close-form';
import { Compose } from './compose';
import { EscalationForm } from './escalation-form';
import { EscalationList, restoredEscalation, upsertEscalation, type RaisedEscalation } from './escalation-list';
import { statusText } from './escalation-status';
import { TransferForm } from './transfer-form';

type Msg = Message & { pending?: boolean };

export interface PaneHooks {
  /** Something the chat list or this chat's header shows changed (unread, form needed, flags, state, the open form). */
  changed(): void;
  /** The chat left this counsellor (closed, transferred). */
  gone(sessionId: string, text: string): void;
}

/**
 * One chat: header with triage and banners, the transcript with the compose box under it,
 * and beside them (below them on a narrow screen) one of the forms — close, transfer,
 * escalate — so the counsellor can keep writing to the person while filling it in. The
 * pane keeps the chat's state; the header, banners, compose box, forms and escalations are
 * components in their own regions, and the transcript is appended to by hand, so nothing
 * steals focus or the caret from someone typing.
 */
export class ChatPane {
  readonly el = h('section', { class: 'pane' });
  readonly id: string;
  readonly language: Lang;
  unread = 0;
  visible = false;
  renderedLang?: string;
  private messages: Msg[];
  private state: 'active' | 'ended';
  private endedBy: string | null;
  private quickExit: boolean;
  /** The categories that raised its priority, and every flag's reason (advisory ones too). */
  private risk: ChatRisk;
  private survivorConnected: boolean;
  private readonly triage: Triage;
  private readonly assignedAt: string | null;
  private mode: ChatMode = 'chat';
  private readonly escalations: RaisedEscalation[] = [];
  /** Whether the compose box (a component) is drawn under the conversation. */
  private composing = false;
  private readonly head = h('header', { class: 'pane-head' });
  private readonly meta = h('div', { class: 'pane-meta' });
  private readonly banners = h('div', { class: 'banners' });
  private readonly transcript = h('ol', { class: 'messages' });
  private readonly log = h('div', { class: 'transcript', role: 'log', tabindex: '0' }, this.transcript);
  private readonly typingEl = h('p', { class: 'typing' });
  private readonly escalationsEl = h('div', { class: 'escalations' });
  private readonly bottom = h('div', { class: 'pane-bottom' });
  private readonly side = h('div', { class: 'pane-side' });
  private readonly body = h('div', { class: 'pane-body' }, h('div', { class: 'pane-main' }, this.log, this.typingEl, this.escalationsEl, this.bottom), this.side);

  constructor(data: OwnSession, readonly number: number, private readonly hooks: PaneHooks) {
    this.language = data.language;
    this.messages = [...data.messages];
    this.state = data.state;
    this.endedBy = data.endedBy;
    this.quickExit = data.quickExit;
    this.risk = { riskFlags: data.riskFlags, riskSignals: data.riskSignals ?? [] };
    this.survivorConnected = data.survivorConnected;
    this.triage = data.triage;
    this.assignedAt = data.assignedAt;
    this.id = data.sessionId;
    // the header, banners and actions draw themselves from this chat's entry in the store (published through `changed`)
    const headingId = uid('chat');
    this.el.setAttribute('aria-labelledby', headingId);
    render(createElement(ChatTitle, { sessionId: this.id, headingId }), this.head);
    render(createElement(ChatBanners, { sessionId: this.id }), this.banners);
    render(createElement(ChatMeta, { sessionId: this.id, setMode: (mode: ChatMode) => this.setMode(mode) }), this.meta);
    // after a reload or a new sign-in: the escalations raised from this chat, with their status and number to call
    for (const e of data.escalations ?? []) this.upsertEscalation(restoredEscalation(e));
    // the newest message stays in view when the conversation gets narrower or shorter (a form opens, the window changes)
    this.log.addEventListener('scroll', () => { this.pinned = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 40; }, { passive: true });
    new ResizeObserver(() => { if (this.pinned) this.log.scrollTop = this.log.scrollHeight; }).observe(this.log);
  }

  /** Whether the counsellor is reading the newest messages (not scrolled back). */
  private pinned = true;

  get needsForm(): boolean {
    return this.state === 'ended';
  }

  get flagged(): boolean {
    return this.risk.riskFlags.length > 0 || this.quickExit || this.triage.immediateDanger;
  }

  /** What the desk's list and this chat's header show, for the store. */
  summary(): DeskChat {
    return {
      sessionId: this.id, number: this.number, language: this.language, unread: this.unread, needsForm: this.needsForm, flagged: this.flagged,
      assignedAt: this.assignedAt, state: this.state, endedBy: this.endedBy, quickExit: this.quickExit, ...this.risk,
      survivorConnected: this.survivorConnected, triage: this.triage, mode: this.mode,
    };
  }

  render(): void {
    const t = copy.value;
    this.renderedLang = uiLang.value;
    this.log.setAttribute('aria-label', t.chat.transcript);
    this.transcript.replaceChildren(...this.messages.map((m) => this.messageEl(m)));
    this.renderEscalations();
    this.renderBottom();
    this.renderSide();
    this.el.replaceChildren(this.head, this.banners, this.meta, this.body);
    this.scrollDown(true);
  }

  focusInput(): void {
    if (this.mode === 'chat' && this.state === 'active') this.bottom.querySelector<HTMLElement>('[data-qa="message-input"]')?.focus();
    else (this.side.querySelector<HTMLElement>('select, button, textarea, input') ?? this.bottom.querySelector<HTMLElement>('button'))?.focus();
  }

  markSeen(): void {
    if (!this.visible || document.hidden || this.unread === 0) return;
    this.unread = 0;
    this.hooks.changed();
  }

  receive(m: Message): void {
    if (this.messages.some((x) => x.id === m.id)) return;
    this.append(m);
    if (m.from === 'survivor') {
      this.typing(false);
      if (!this.visible || document.hidden) {
        this.unread += 1;
        if (!this.visible) announce(copy.value.chat.newMessageIn(this.number));
        this.hooks.changed();
      }
    }
  }

  /**
   * After a reconnection: whatever came meanwhile, and (`state`, unless an event here is newer
   * than the server's read) the state as the server has it.
   */
  merge(data: OwnSession, state = true): void {
    for (const m of data.messages) this.receive(m);
    if (state) {
      if (data.state === 'ended' && this.state !== 'ended') this.ended(data.endedBy ?? 'system', data.quickExit);
      const newer = newerRisk(this.risk, data);
      if (newer) this.riskFlag(newer);
      if (data.survivorConnected !== this.survivorConnected) this.connection(data.survivorConnected);
    }
    if (data.escalations?.length) {
      for (const e of data.escalations) this.upsertEscalation(restoredEscalation(e));
      this.renderEscalations();
    }
  }

  typing(on: boolean): void {
    this.typingEl.textContent = on && this.state === 'active' ? copy.value.chat.typing : '';
  }

  ended(by: string, quickExit: boolean): void {
    const t = copy.value;
    this.state = 'ended';
    this.endedBy = by;
    this.quickExit = this.quickExit || quickExit;
    this.typing(false);
    if (this.mode !== 'close') this.mode = 'chat';
    this.renderBottom();
    this.renderSide();
    announce(`${t.chat.heading(this.number, t.langName[this.language])}: ${this.quickExit ? t.chat.quickExit : t.chat.ended[by] ?? t.chat.ended.system} ${t.chat.fillForm}`, true);
    this.hooks.changed();
  }

  /** A flag (from the socket, or found on a reconnection): the banners redraw; an advisory one is announced politely. */
  riskFlag(flag: Pick<RiskFlag, 'category' | 'advisory' | 'riskFlags' | 'riskSignals'>): void {
    this.risk = { riskFlags: flag.riskFlags, riskSignals: flag.riskSignals ?? this.risk.riskSignals };
    const t = copy.value;
    const name = t.riskFlag.category[flag.category] ?? flag.category;
    if (flag.advisory) announce(t.chat.riskAdvisoryAnnounce(this.number, name), false);
    else announce(t.chat.riskAnnounce(this.number, name), true);
    this.hooks.changed();
  }

  connection(connected: boolean): void {
    this.survivorConnected = connected;
    this.hooks.changed();
  }

  knowsEscalation(escalationId: string): boolean {
    return this.escalations.some((e) => e.escalationId === escalationId);
  }

  /** A live status (it may come before the answer to `escalation:create`). */
  escalationStatus(p: EscalationStatus): void {
    const known = this.escalations.find((e) => e.escalationId === p.escalationId);
    const before = known && statusText(copy.value, known, 'me');
    const item = this.upsertEscalation({ escalationId: p.escalationId, status: p.status, at: p.at, ...(p.phoneResult ? { phoneResult: p.phoneResult } : {}) });
    this.renderEscalations();
    const now = statusText(copy.value, item, 'me');
    if (known && now !== before) announce(`${item.serviceName ?? copy.value.escalation.list}: ${now}`, item.status === 'failed');
  }

  destroy(): void {
    if (this.composing) render(null, this.bottom);
    for (const region of [this.head, this.banners, this.meta, this.side, this.escalationsEl]) render(null, region);
    this.el.remove();
  }

  /** Under the conversation: the compose box while the chat is on, else the way to the closing form. */
  private renderBottom(): void {
    const t = copy.value;
    if (this.state === 'active') {
      // drawn once and kept: the draft, the caret and the quick replies (which it reads from the store) stay as they are
      if (this.composing) return;
      this.composing = true;
      return render(createElement(Compose, {
        sessionId: this.id, language: this.language,
        sent: (m) => this.append(m),
        confirmed: (clientId, id, sentAt) => this.confirm(clientId, id, sentAt),
        failed: (clientId) => this.removeMessage(clientId),
        hasCounsellorMessage: () => this.messages.some((m) => m.from === 'counsellor'),
      }), this.bottom);
    }
    if (this.composing) render(null, this.bottom);
    this.composing = false;
    if (this.mode === 'close') this.bottom.replaceChildren();
    else this.bottom.replaceChildren(h('p', { class: 'ended-prompt' }, h('button', { type: 'button', class: 'primary', onclick: () => this.setMode('close') }, t.close.title)));
  }

  /** Beside the conversation: the open form, kept (with what is typed in it) while the counsellor looks at another chat. */
  private renderSide(): void {
    const form = this.sideForm();
    // drawn again with the chat's state, a form keeps what was typed and chosen (and follows the language by itself)
    render(form ?? null, this.side);
    this.side.hidden = !form;
    this.el.classList.toggle('has-form', !!form);
  }

  private sideForm(): ComponentChild | undefined {
    const back = () => this.setMode('chat');
    if (this.mode === 'close') {
      return createElement(CloseForm, {
        ended: this.state === 'ended',
        back: this.state === 'active' ? back : undefined,
        submit: async (form) => {
          const ack = await request('session:close', { sessionId: this.id, ...form });
          const t = copy.value;
          if (ack.ok || ack.error.code === 'conflict') return this.hooks.gone(this.id, t.close.done);
          return ack.error.code === 'unavailable' ? t.app.connection.offline : t.app.failed;
        },
      });
    }
    if (this.mode === 'transfer') {
      return createElement(TransferForm, {
        language: this.language,
        back,
        submit: async (target) => {
          const ack = await request('session:transfer', { sessionId: this.id, ...target });
          const t = copy.value;
          if (ack.ok) return this.hooks.gone(this.id, t.transfer.done);
          return ack.error.code === 'unavailable' ? t.app.connection.offline : ack.error.message;
        },
      });
    }
    if (this.mode === 'escalate') {
      return createElement(EscalationForm, {
        language: this.language,
        back,
        submit: async (body, chosen) => {
          const ack = await request('escalation:create', { sessionId: this.id, consent: true, ...body });
          const t = copy.value;
          if (!ack.ok) return ack.error.code === 'unavailable' ? t.app.connection.offline : ack.error.message;
          const item = this.upsertEscalation({
            escalationId: String(ack.escalationId), serviceName: chosen.name, urgency: chosen.urgency, channel: String(ack.channel),
            ...(typeof ack.phone === 'string' ? { phone: ack.phone } : {}),
          }, String(ack.status));
          this.setMode('chat');
          this.renderEscalations();
          const e = t.escalation;
          announce(`${chosen.name}: ${statusText(t, item, 'me')}${item.channel === 'phone' && item.phone ? `. ${e.callNow} ${item.phone}` : ''}`, true);
          // a phone escalation is not done until the counsellor calls and records the result
          this.escalationsEl.querySelector<HTMLElement>(`[data-id="${item.escalationId}"] button`)?.focus();
        },
      });
    }
    return undefined;
  }

  /** Adds an escalation or updates the one already known (an older status never replaces a newer one). */
  private upsertEscalation(data: Omit<RaisedEscalation, 'status'> & { status?: string }, ackStatus?: string): RaisedEscalation {
    return upsertEscalation(this.escalations, data, ackStatus);
  }

  /** Rebuilds the list; a keyboard inside it stays with its escalation (the same button, else its first, else the item). */
  private renderEscalations(): void {
    const focused = document.activeElement;
    const active = focused instanceof HTMLElement && this.escalationsEl.contains(focused) ? focused : undefined;
    const id = active?.closest('[data-qa="escalation"]')?.getAttribute('data-id');
    render(createElement(EscalationList, { raised: this.escalations, changed: () => this.renderEscalations() }), this.escalationsEl);
    if (!active || !id) return;
    const item = this.escalationsEl.querySelector<HTMLElement>(`[data-qa="escalation"][data-id="${id}"]`);
    (item?.querySelector<HTMLElement>(`[data-qa="${active.dataset.qa}"]`) ?? item?.querySelector<HTMLElement>('button') ?? item)?.focus();
  }

  private setMode(mode: ChatMode): void {
    this.mode = this.mode === mode && mode !== 'chat' ? 'chat' : mode;
    this.hooks.changed();
    this.renderBottom();
    this.renderSide();
    this.focusInput();
  }

  private messageEl(m: Msg): HTMLElement {
    const t = copy.value;
    return h('li', { class: `msg from-${m.from}${m.pending ? ' pending' : ''}`, 'data-qa': 'message', 'data-from': m.from, 'data-id': m.id },
      h('p', { class: 'meta' }, h('span', { class: 'who' }, t.chat.from[m.from]), ' ', h('time', { datetime: m.sentAt }, timeOfDay(m.sentAt, uiLang.value))),
      h('p', { class: 'text' }, m.text));
  }

  private append(m: Msg): void {
    this.messages.push(m);
    const nearBottom = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 120;
    this.transcript.append(this.messageEl(m));
    this.scrollDown(nearBottom || m.from === 'counsellor');
  }

  private confirm(clientId: string, id: string, sentAt: string): void {
    const m = this.messages.find((x) => x.id === clientId);
    if (!m) return;
    Object.assign(m, { id, sentAt, pending: false });
    this.transcript.querySelector(`[data-id="${clientId}"]`)?.replaceWith(this.messageEl(m));
  }

  private removeMessage(clientId: string): void {
    this.messages = this.messages.filter((m) => m.id !== clientId);
    this.transcript.querySelector(`[data-id="${clientId}"]`)?.remove();
  }

  private scrollDown(force: boolean): void {
    if (force) requestAnimationFrame(() => { this.log.scrollTop = this.log.scrollHeight; });
  }
}
