import { effect } from '@preact/signals';
import { createElement, render } from 'preact';
import type { Listen, View } from '../screens';
import { announce, focusHeading, h } from '../dom';
import { api, attention, request } from '../services';
import { attentionCount, canned, clearNotice, deskChats, deskOffers, isManager, lang as uiLang, notify, selectedChat, t as copy, type DeskOffer } from '../store';
import type { CannedReply, Offer, OwnSession } from '../wire';
import { ChatList, DeskStatus } from './chat-list';
import { ChatPane } from './chat-pane';
import { OfferCards } from './offer-card';

/**
 * A counsellor's desk: offers at the top, then their chats — one open at a time, the others
 * one click away with their unread count. It lives for the whole sign-in, so chats keep
 * receiving while another section is on screen.
 */
export class ChatsView implements View {
  readonly el = h('section', { class: 'chats' });
  private panes: ChatPane[] = [];
  private selected?: string;
  private counter = 0;
  private offerKeys = 0;
  /**
   * Chats being accepted: the server joins this socket to the chat before it answers, so its
   * events may come first; they wait here and are applied once the pane exists.
   */
  private readonly accepting = new Map<string, ((pane: ChatPane) => void)[]>();
  /** When each chat or offer last changed by an event or an own answer (a count, not a time). */
  private readonly touched = new Map<string, number>();
  private changes = 0;
  private syncs = 0;
  private shown?: ChatPane;
  private readonly heading = h('h1', { class: 'visually-hidden' });
  private readonly offersEl = h('section', { class: 'offers' });
  private readonly statusEl = h('div', { class: 'desk-status' });
  private readonly listEl = h('nav', { class: 'chat-list' });
  private readonly paneHost = h('div', { class: 'pane-host' });

  constructor() {
    document.addEventListener('visibilitychange', () => this.markSeen());
    // the cards read the store: an offer written there is drawn (and ticks) by itself
    render(createElement(OfferCards, { accept: (id: string) => void this.accept(id), decline: (id: string) => void this.decline(id) }), this.offersEl);
    render(createElement(DeskStatus, {}), this.statusEl);
    render(createElement(ChatList, { select: (id: string) => this.select(id, true) }), this.listEl);
    // the regions' own names and whether they show follow the store too
    effect(() => {
      const t = copy.value;
      this.heading.textContent = t.app.nav.chats;
      this.offersEl.setAttribute('aria-label', t.offer.region);
      this.offersEl.hidden = deskOffers.value.length === 0;
      this.listEl.setAttribute('aria-label', t.chat.listLabel);
      this.listEl.hidden = deskChats.value.length === 0;
    });
  }

  listen(on: Listen): void {
    on('offer', (o) => { this.touch(o.sessionId); this.addOffer(o, true); });
    on('offer:withdrawn', (p) => { this.touch(p.sessionId); this.withdrawn(p.sessionId, p.reason); });
    on('message', (m) => this.withPane(m.sessionId, (pane) => pane.receive(m)));
    on('typing', (p) => this.pane(p.sessionId)?.typing(p.isTyping));
    on('session:ended', (p) => {
      this.touch(p.sessionId);
      this.withPane(p.sessionId, (pane) => pane.ended(p.by, p.quickExit === true));
    });
    on('session:risk-flag', (p) => {
      this.touch(p.sessionId);
      this.withPane(p.sessionId, (pane) => pane.riskFlag(p));
      const card = this.offer(p.sessionId);
      if (card) this.updateOffer(card, { offer: { ...card.offer, riskFlags: p.riskFlags } });
    });
    on('session:survivor-connection', (p) => {
      this.touch(p.sessionId);
      this.withPane(p.sessionId, (pane) => pane.connection(p.connected));
    });
    on('session:transferred', (p) => { this.touch(p.sessionId); this.drop(p.sessionId, copy.value.chat.transferredAway); });
    on('escalation:status', (p) => {
      // the chat's record was purged before this late change: it can only be on a pane that already shows the escalation
      if (p.sessionId === null) return this.panes.find((pane) => pane.knowsEscalation(p.escalationId))?.escalationStatus(p);
      this.withPane(p.sessionId, (pane) => {
        // raised in another tab (or not yet acknowledged here): the server's list brings its service and number
        if (!pane.knowsEscalation(p.escalationId)) void this.sync();
        pane.escalationStatus(p);
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
    const asked = this.changes;
    const mine = ++this.syncs;
    const ack = await request('sessions:list', { scope: 'mine' });
    if (!ack.ok || mine !== this.syncs) return;
    const sessions = ack.sessions as OwnSession[];
    const offers = ack.offers as Offer[];
    const newer = (id: string) => (this.touched.get(id) ?? 0) > asked || this.accepting.has(id);
    for (const s of sessions) {
      const existing = this.pane(s.sessionId);
      if (existing) existing.merge(s, !newer(s.sessionId));
      else if (!newer(s.sessionId)) this.addPane(s, false);
    }
    for (const pane of [...this.panes]) if (!newer(pane.id) && !sessions.some((s) => s.sessionId === pane.id)) this.drop(pane.id);
    for (const offer of offers) if (!newer(offer.sessionId) && !this.offer(offer.sessionId)) this.addOffer(offer, false);
    for (const { offer: { sessionId: id } } of deskOffers.value) if (!newer(id) && !offers.some((o) => o.sessionId === id)) this.removeOffer(id);
    void this.loadCanned();
    this.renderPane(false);
  }

  private touch(id: string): void {
    this.touched.set(id, ++this.changes);
  }

  /** Applies an event to its chat's pane, or keeps it for the pane an accept is about to create. */
  private withPane(id: string, apply: (pane: ChatPane) => void): void {
    const pane = this.pane(id);
    if (pane) apply(pane);
    else this.accepting.get(id)?.push(apply);
  }

  /** The whole desk (first display, a new language); its lists draw themselves from the store. */
  render(): void {
    this.renderPane(true);
    if (this.el.childElementCount === 0) this.el.append(this.heading, this.offersEl, this.statusEl, this.listEl, this.paneHost);
  }

  private renderOffers(): void {
    this.updateBadge();
  }

  /** The chat list's state in the store (the list and the empty desk's words draw from it), and the counts. */
  private renderList(): void {
    deskChats.value = this.panes.map((pane) => pane.summary());
    selectedChat.value = this.pane(this.selected)?.id;
    this.updateBadge();
  }

  /** Shows the selected chat; its DOM lives on while hidden, so it is rebuilt only when needed. */
  private renderPane(force: boolean): void {
    const current = this.pane(this.selected) ?? this.panes[0];
    this.selected = current?.id;
    for (const pane of this.panes) pane.visible = pane === current;
    if (current && (force || current !== this.shown || current.renderedLang !== uiLang.value)) current.render();
    if (current !== this.shown || force) this.paneHost.replaceChildren(current?.el ?? '');
    this.shown = current;
    current?.markSeen();
    this.renderList();
  }

  /** The Chats link's count and the unread count in the title. */
  private updateBadge(): void {
    attentionCount.value = this.attentionCount();
    attention.setUnread(this.unreadCount());
  }

  openCount(): number {
    return this.panes.length;
  }

  unreadCount(): number {
    return this.panes.reduce((n, p) => n + p.unread, 0);
  }

  /** What the Chats link counts: offers, unread messages and chats waiting for their form. */
  attentionCount(): number {
    return deskOffers.value.length + this.unreadCount() + this.panes.filter((p) => p.needsForm).length;
  }

  private pane(id: string | undefined): ChatPane | undefined {
    return id ? this.panes.find((p) => p.id === id) : undefined;
  }

  private select(id: string, focus: boolean): void {
    this.selected = id;
    this.renderPane(false);
    if (focus) this.pane(id)?.focusInput();
  }

  private markSeen(): void {
    if (!document.hidden) this.pane(this.selected)?.markSeen();
    this.updateBadge();
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
    this.renderOffers();
    attention.flash('offers', t.offer.flash);
    if (fresh) {
      attention.chime();
      if (this.el.isConnected) announce(t.offer.announce(t.langName[offer.language]), true);
      else notify(`offer-${offer.sessionId}`, t.offer.announce(t.langName[offer.language]), 'alert', '#/chats');
    }
  }

  private removeOffer(sessionId: string): void {
    deskOffers.value = deskOffers.value.filter((o) => o.offer.sessionId !== sessionId);
    clearNotice(`offer-${sessionId}`);
    if (deskOffers.value.length === 0) attention.stopFlash('offers');
    this.renderOffers();
  }

  private withdrawn(sessionId: string, reason: string): void {
    if (reason === 'accepted') {
      // taken in another tab of mine (this tab's own accept is answered by itself): bring the chat here too
      if (!this.accepting.has(sessionId)) {
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

  private async accept(id: string): Promise<void> {
    const card = this.offer(id);
    if (!card) return;
    this.updateOffer(card, { busy: true, message: '' });
    this.accepting.set(id, []);
    const ack = await request('offer:accept', { sessionId: id }).finally(() => this.touch(id));
    const early = this.accepting.get(id) ?? [];
    this.accepting.delete(id);
    if (!ack.ok) {
      this.updateOffer(card, { busy: false, message: ack.error.code === 'conflict' ? copy.value.offer.gone : copy.value.app.failed });
      // the card goes a moment later (unless a new offer of the same chat has replaced it)
      if (ack.error.code === 'conflict') window.setTimeout(() => { if (this.offer(id)?.key === card.key) this.removeOffer(id); }, 4000);
      return;
    }
    const session = ack.session as Omit<OwnSession, 'state'>;
    this.removeOffer(id);
    this.addPane({
      ...session, state: 'active', assignedAt: new Date().toISOString(), endedBy: null, quickExit: false,
      survivorConnected: session.survivorConnected ?? true, riskFlags: session.riskFlags ?? [], riskSignals: session.riskSignals ?? [],
      escalations: session.escalations ?? [],
    }, true);
    const pane = this.pane(id);
    if (!pane) return;
    // what happened between the server's join and its answer (a message, the survivor leaving, a flag)
    early.forEach((apply) => apply(pane));
    pane.focusInput();
  }

  private async decline(id: string): Promise<void> {
    const card = this.offer(id);
    if (!card) return;
    this.updateOffer(card, { busy: true, message: '' });
    await request('offer:decline', { sessionId: id });
    this.touch(id);
    this.removeOffer(id);
  }

  private addPane(session: OwnSession, select: boolean): void {
    if (this.pane(session.sessionId)) return;
    const pane = new ChatPane(session, ++this.counter, {
      changed: () => this.renderList(),
      gone: (id, text) => this.drop(id, text),
    });
    this.panes.push(pane);
    if (select || !this.selected) this.selected = pane.id;
    void this.loadCanned();
    this.renderPane(false);
  }

  /** A chat leaves the desk: closed, handed over, or no longer this counsellor's. */
  private drop(id: string, text?: string): void {
    const pane = this.pane(id);
    if (!pane) return;
    this.touch(id);
    pane.destroy();
    this.panes = this.panes.filter((p) => p !== pane);
    if (this.selected === id) this.selected = this.panes[0]?.id;
    this.renderPane(false);
    if (text) notify(`gone-${id}`, text, 'info');
    if (this.panes.length > 0) this.pane(this.selected)?.focusInput();
    else focusHeading(this.el.querySelector('h1'));
  }

  private async loadCanned(): Promise<void> {
    if (canned.value.length > 0) return;
    // the compose boxes read the quick replies from the store: they show them when they come
    canned.value = await api.get<CannedReply[]>('/api/canned').catch(() => []);
  }
}
