import type { Offer, OwnSession } from './wire';

/**
 * The desk's rules for news that crosses on the wire. The server joins a socket to a chat's
 * room before it reads what it answers with, so an event can reach the desk before an answer
 * read a moment earlier (docs/architecture.md, "Join first, then read"). These rules keep the
 * newer news:
 * - an older `sessions:list` answer never undoes a change that came after it was asked for;
 * - the events of a chat being accepted wait until the chat is on the desk;
 * - of overlapping lists, only the newest is applied.
 * (Transcripts merge by message id: `receiveMessage` in chat-state.ts.) Nothing here touches
 * the page or the store.
 */

/** What a `sessions:list` request needs later: how many changes there were when it was asked, and which list it was. */
export interface ListTicket { readonly asked: number; readonly list: number }

export class Freshness {
  /** When each chat or offer last changed by an event or an own answer (a count, not a time). */
  private readonly touched = new Map<string, number>();
  private changes = 0;
  private lists = 0;
  /** Chats being accepted, with the events that came for them before the answer. */
  private readonly accepting = new Map<string, (() => void)[]>();

  /** A chat or offer changed here (an event, an own answer): a list asked for before now cannot undo it. */
  touch(id: string): void {
    this.touched.set(id, ++this.changes);
  }

  /** A list is being asked for. */
  askList(): ListTicket {
    return { asked: this.changes, list: ++this.lists };
  }

  /** Only the newest of overlapping lists counts. */
  isLatest(ticket: ListTicket): boolean {
    return ticket.list === this.lists;
  }

  /** The chat or offer changed after the list was asked for, or is being accepted: the list leaves it as it is here. */
  isNewer(id: string, ticket: ListTicket): boolean {
    return (this.touched.get(id) ?? 0) > ticket.asked || this.accepting.has(id);
  }

  startAccepting(id: string): void {
    this.accepting.set(id, []);
  }

  isAccepting(id: string): boolean {
    return this.accepting.has(id);
  }

  /** Keeps an event of a chat being accepted for when it is on the desk; false (and dropped) if nobody is accepting that chat. */
  hold(id: string, apply: () => void): boolean {
    const held = this.accepting.get(id);
    held?.push(apply);
    return !!held;
  }

  /** The accept was answered: the events that came meanwhile, in the order they came. */
  finishAccepting(id: string): (() => void)[] {
    const held = this.accepting.get(id) ?? [];
    this.accepting.delete(id);
    return held;
  }
}

/** What the server lists as mine, and what the desk has. */
export interface DeskList { sessions: readonly OwnSession[]; offers: readonly Offer[] }
export interface DeskHas { chats: readonly string[]; offers: readonly string[] }

/** What a list does to the desk, in the order the old desk applied it. */
export interface SyncPlan {
  /** In the list's order: a chat the desk has gets what it missed (its state too unless `withState` is false), a new one is added. */
  chats: ({ kind: 'merge'; session: OwnSession; withState: boolean } | { kind: 'add'; session: OwnSession })[];
  /** Chats the server no longer lists as mine. */
  drop: string[];
  addOffers: Offer[];
  removeOffers: string[];
}

/**
 * The server's list is the truth, except for what changed here after it was asked for
 * (`newer`): such a chat keeps its state (its messages and escalations still merge), is not
 * added or dropped, and such an offer is neither added nor removed. A chat dropped by this
 * list counts as changed for the offers that follow, as the desk touches what it drops.
 */
export function planSync(list: DeskList, has: DeskHas, newer: (id: string) => boolean): SyncPlan {
  const chats: SyncPlan['chats'] = [];
  for (const session of list.sessions) {
    if (has.chats.includes(session.sessionId)) chats.push({ kind: 'merge', session, withState: !newer(session.sessionId) });
    else if (!newer(session.sessionId)) chats.push({ kind: 'add', session });
  }
  const listed = (id: string) => list.sessions.some((s) => s.sessionId === id);
  const drop = has.chats.filter((id) => !newer(id) && !listed(id));
  const changed = (id: string) => newer(id) || drop.includes(id);
  const addOffers: Offer[] = [];
  for (const offer of list.offers) {
    if (!changed(offer.sessionId) && !has.offers.includes(offer.sessionId) && !addOffers.some((o) => o.sessionId === offer.sessionId)) addOffers.push(offer);
  }
  const removeOffers = has.offers.filter((id) => !changed(id) && !list.offers.some((o) => o.sessionId === id));
  return { chats, drop, addOffers, removeOffers };
}
