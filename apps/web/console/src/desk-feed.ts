import { effect } from '@preact/signals';
import type { Listen } from './screens';
import {
  addChat, chatWithEscalation, connection, ended, escalationStatus, findChat, knowsEscalation, markSeen, mergeListed, moveFocus, raised, receive, removeChat,
  riskFlag, setMode, typing,
} from './desk-chats';
import { Freshness, planSync } from './desk-freshness';
import { announce } from './dom';
import { api, attention, request } from './services';
import { canned, clearNotice, deskChats, deskOffers, isManager, notify, section, selectedChat, t as copy, unreadTotal, type DeskOffer } from './store';
import type { CannedReply, Offer, OwnSession } from './wire';
import type { CloseValues } from './views/close-form';
import type { ChosenService, EscalationBody } from './views/escalation-list';
import { statusText } from './views/escalation-status';
import type { TransferTarget } from './views/transfer-form';

/**
 * What a counsellor's desk hears and asks, written into the store: offers, my chats and what
 * happens in them, the quick replies. It lives for the whole sign-in, so chats keep receiving
 * while another section is on screen. It keeps the newer news where answers and events cross
 * (desk-freshness.ts); the panes, the list and the offer cards draw from the store.
 */
export class DeskFeed {
  private readonly fresh = new Freshness();
  private offerKeys = 0;
  private chatNumbers = 0;

  constructor() {
    document.addEventListener('visibilitychange', () => markSeen());
    // the title counts unread messages
    effect(() => attention.setUnread(unreadTotal.value));
  }

  listen(on: Listen): void {
    on('offer', (o) => { this.fresh.touch(o.sessionId); this.addOffer(o, true); });
    on('offer:withdrawn', (p) => { this.fresh.touch(p.sessionId); this.withdrawn(p.sessionId, p.reason); });
    on('message', (m) => this.withChat(m.sessionId, () => receive(m)));
    on('typing', (p) => typing(p.sessionId, p.isTyping));
    on('session:ended', (p) => {
      this.fresh.touch(p.sessionId);
      this.withChat(p.sessionId, () => ended(p.sessionId, p.by, p.quickExit === true));
    });
    on('session:risk-flag', (p) => {
      this.fresh.touch(p.sessionId);
      this.withChat(p.sessionId, () => riskFlag(p.sessionId, p));
      const card = this.offer(p.sessionId);
      if (card) this.updateOffer(card, { offer: { ...card.offer, riskFlags: p.riskFlags } });
    });
    on('session:survivor-connection', (p) => {
      this.fresh.touch(p.sessionId);
      this.withChat(p.sessionId, () => connection(p.sessionId, p.connected));
    });
    on('session:transferred', (p) => { this.fresh.touch(p.sessionId); this.drop(p.sessionId, copy.value.chat.transferredAway); });
    on('escalation:status', (p) => {
      // the chat's record was purged before this late change: it can only be on a chat that already shows the escalation
      if (p.sessionId === null) {
        const id = chatWithEscalation(p.escalationId);
        if (id) escalationStatus(id, p);
        return;
      }
      const id = p.sessionId;
      this.withChat(id, () => {
        // raised in another tab (or not yet acknowledged here): the server's list brings its service and number
        if (!knowsEscalation(id, p.escalationId)) void this.sync();
        escalationStatus(id, p);
      });
    });
  }

  /**
   * After every (re)connection: the server's list of my chats (with the escalations I raised
   * from them) and offers is the truth — except where an event or an own answer came after
   * the list was asked for: that chat or offer is newer here and is left as it is (its
   * messages and escalations still merge, by id). Only the newest of overlapping lists counts.
   */
  async sync(): Promise<void> {
    const ticket = this.fresh.askList();
    const ack = await request('sessions:list', { scope: 'mine' });
    if (!ack.ok || !this.fresh.isLatest(ticket)) return;
    const list = { sessions: ack.sessions as OwnSession[], offers: ack.offers as Offer[] };
    const has = { chats: deskChats.value.map((c) => c.sessionId), offers: deskOffers.value.map((o) => o.offer.sessionId) };
    const plan = planSync(list, has, (id) => this.fresh.isNewer(id, ticket));
    for (const step of plan.chats) {
      if (step.kind === 'merge') mergeListed(step.session, step.withState);
      else this.addChat(step.session, false);
    }
    for (const id of plan.drop) this.drop(id);
    for (const offer of plan.addOffers) this.addOffer(offer, false);
    for (const id of plan.removeOffers) this.removeOffer(id);
    void this.loadCanned();
    markSeen();
  }

  async accept(id: string): Promise<void> {
    const card = this.offer(id);
    if (!card) return;
    this.updateOffer(card, { busy: true, message: '' });
    this.fresh.startAccepting(id);
    const ack = await request('offer:accept', { sessionId: id }).finally(() => this.fresh.touch(id));
    const early = this.fresh.finishAccepting(id);
    if (!ack.ok) {
      this.updateOffer(card, { busy: false, message: ack.error.code === 'conflict' ? copy.value.offer.gone : copy.value.app.failed });
      // the card goes a moment later (unless a new offer of the same chat has replaced it)
      if (ack.error.code === 'conflict') window.setTimeout(() => { if (this.offer(id)?.key === card.key) this.removeOffer(id); }, 4000);
      return;
    }
    const session = ack.session as Omit<OwnSession, 'state'>;
    this.removeOffer(id);
    this.addChat({
      ...session, state: 'active', assignedAt: new Date().toISOString(), endedBy: null, quickExit: false,
      survivorConnected: session.survivorConnected ?? true, riskFlags: session.riskFlags ?? [], riskSignals: session.riskSignals ?? [],
      escalations: session.escalations ?? [],
    }, true);
    if (!findChat(id)) return;
    // what happened between the server's join and its answer (a message, the survivor leaving, a flag)
    early.forEach((apply) => apply());
    moveFocus({ sessionId: id });
  }

  async decline(id: string): Promise<void> {
    const card = this.offer(id);
    if (!card) return;
    this.updateOffer(card, { busy: true, message: '' });
    await request('offer:decline', { sessionId: id });
    this.fresh.touch(id);
    this.removeOffer(id);
  }

  /** A chat leaves the desk: closed, handed over, or no longer this counsellor's. */
  drop(id: string, text?: string): void {
    if (!findChat(id)) return;
    this.fresh.touch(id);
    removeChat(id);
    if (text) notify(`gone-${id}`, text, 'info');
    const next = selectedChat.value;
    moveFocus(next === undefined ? { heading: true } : { sessionId: next });
  }

  /** The closing form is sent: the chat leaves the desk (also when it was closed already, in another tab). */
  async close(id: string, values: CloseValues): Promise<string | void> {
    const ack = await request('session:close', { sessionId: id, ...values });
    const t = copy.value;
    if (ack.ok || ack.error.code === 'conflict') return this.drop(id, t.close.done);
    return ack.error.code === 'unavailable' ? t.app.connection.offline : t.app.failed;
  }

  async transfer(id: string, target: TransferTarget): Promise<string | void> {
    const ack = await request('session:transfer', { sessionId: id, ...target });
    const t = copy.value;
    if (ack.ok) return this.drop(id, t.transfer.done);
    return ack.error.code === 'unavailable' ? t.app.connection.offline : ack.error.message;
  }

  /** Raises an escalation with the person's consent; the form closes, and a phone one takes the keyboard to its call's result. */
  async escalate(id: string, body: EscalationBody, chosen: ChosenService): Promise<string | void> {
    const ack = await request('escalation:create', { sessionId: id, consent: true, ...body });
    const t = copy.value;
    if (!ack.ok) return ack.error.code === 'unavailable' ? t.app.connection.offline : ack.error.message;
    const item = raised(id, {
      escalationId: String(ack.escalationId), serviceName: chosen.name, urgency: chosen.urgency, channel: String(ack.channel),
      ...(typeof ack.phone === 'string' ? { phone: ack.phone } : {}),
    }, String(ack.status));
    if (!item) return;
    setMode(id, 'chat');
    const e = t.escalation;
    announce(`${chosen.name}: ${statusText(t, item, 'me')}${item.channel === 'phone' && item.phone ? `. ${e.callNow} ${item.phone}` : ''}`, true);
    // a phone escalation is not done until the counsellor calls and records the result
    moveFocus({ sessionId: id, escalationId: item.escalationId });
  }

  /** Applies an event to its chat, or keeps it for the chat an accept is about to bring. */
  private withChat(id: string, apply: () => void): void {
    if (findChat(id)) apply();
    else this.fresh.hold(id, apply);
  }

  private addChat(session: OwnSession, select: boolean): void {
    if (findChat(session.sessionId)) return;
    addChat(session, ++this.chatNumbers, select);
    void this.loadCanned();
  }

  private offer(sessionId: string): DeskOffer | undefined {
    return deskOffers.value.find((o) => o.offer.sessionId === sessionId);
  }

  private updateOffer(card: DeskOffer, change: Partial<Omit<DeskOffer, 'key'>>): void {
    deskOffers.value = deskOffers.value.map((o) => (o.key === card.key ? { ...o, ...change } : o));
  }

  private addOffer(offer: Offer, fresh: boolean): void {
    if (this.offer(offer.sessionId)) return;
    const t = copy.value;
    // nobody is typing anywhere: the card takes the counsellor straight to the new offer
    const focus = !isManager.value && (document.activeElement === document.body || document.activeElement === null);
    deskOffers.value = [...deskOffers.value, { key: ++this.offerKeys, offer, received: Date.now(), busy: false, message: '', focus }];
    attention.flash('offers', t.offer.flash);
    if (!fresh) return;
    attention.chime();
    // on the desk, said at once; elsewhere in the console, a notice that links to it
    if (section.value === 'chats') announce(t.offer.announce(t.langName[offer.language]), true);
    else notify(`offer-${offer.sessionId}`, t.offer.announce(t.langName[offer.language]), 'alert', '#/chats');
  }

  private removeOffer(sessionId: string): void {
    deskOffers.value = deskOffers.value.filter((o) => o.offer.sessionId !== sessionId);
    clearNotice(`offer-${sessionId}`);
    if (deskOffers.value.length === 0) attention.stopFlash('offers');
  }

  private withdrawn(sessionId: string, reason: string): void {
    if (reason === 'accepted') {
      // taken in another tab of mine (this tab's own accept is answered by itself): bring the chat here too
      if (!this.fresh.isAccepting(sessionId)) {
        this.removeOffer(sessionId);
        void this.sync();
      }
      return;
    }
    if (!this.offer(sessionId)) return;
    this.removeOffer(sessionId);
    const text = copy.value.offer.withdrawn[reason] ?? copy.value.offer.gone;
    if (reason === 'timeout') announce(text);
    else notify(`withdrawn-${sessionId}`, text, 'info');
  }

  private async loadCanned(): Promise<void> {
    if (canned.value.length > 0) return;
    // the compose boxes read the quick replies from the store: they show them when they come
    canned.value = await api.get<CannedReply[]>('/api/canned').catch(() => []);
  }
}
