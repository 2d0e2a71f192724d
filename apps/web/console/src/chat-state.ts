import type { Lang } from './i18n';
import { newerRisk, type RiskChange } from './risk-banners';
import type { Message, OwnEscalation, OwnSession, RiskSignal, Triage } from './wire';

/**
 * One chat on the counsellor's desk as plain data, and the rules that change it. Each rule
 * returns a new state (or the same one when nothing changes), so the store can hold it in a
 * signal and a pane is drawn again only when its chat changed. Nothing here touches the page.
 */

/** Which form is open beside a chat ('chat': none). */
export type ChatMode = 'chat' | 'close' | 'transfer' | 'escalate';
/** A message as the desk shows it: the counsellor's own is pending until the server confirms it. */
export type DeskMessage = Message & { pending?: boolean };

export interface RaisedEscalation {
  escalationId: string; status: string; channel?: string; phone?: string; phoneResult?: string;
  serviceName?: string; urgency?: string; at?: string;
  /** raised by a colleague before the chat was transferred: shown, but its call is theirs to record */
  byColleague?: boolean;
}

export interface ChatState {
  sessionId: string;
  /** Its number on this desk (1, 2, …), in the order the chats came. */
  number: number;
  language: Lang; triage: Triage; assignedAt: string | null;
  state: 'active' | 'ended'; endedBy: string | null; quickExit: boolean; survivorConnected: boolean;
  /** The categories that raised its priority, and every flag's reason (advisory ones too). */
  riskFlags: string[]; riskSignals: RiskSignal[];
  messages: readonly DeskMessage[];
  escalations: readonly RaisedEscalation[];
  /** The person is typing (shown while the chat is on). */
  typing: boolean;
  unread: number;
  mode: ChatMode;
}

/** A chat as the server lists or hands it over (after an accept, a reload, a new sign-in). */
export function chatFromSession(s: OwnSession, number: number): ChatState {
  const escalations = (s.escalations ?? []).reduce<readonly RaisedEscalation[]>((list, e) => upsertEscalation(list, restoredEscalation(e)).list, []);
  return {
    sessionId: s.sessionId, number, language: s.language, triage: s.triage, assignedAt: s.assignedAt,
    state: s.state, endedBy: s.endedBy, quickExit: s.quickExit, riskFlags: s.riskFlags, riskSignals: s.riskSignals ?? [], survivorConnected: s.survivorConnected,
    messages: [...s.messages], escalations, typing: false, unread: 0, mode: 'chat',
  };
}

/** An ended chat waits for its closing form. */
export function needsForm(chat: ChatState): boolean {
  return chat.state === 'ended';
}

/** What marks a chat in the list: a risk flag, a quick exit, or immediate danger said in triage. */
export function flagged(chat: ChatState): boolean {
  return chat.riskFlags.length > 0 || chat.quickExit || chat.triage.immediateDanger;
}

/**
 * A message joins the transcript once: the server's list, the accept's answer and the live
 * event can each bring it, and they merge by id. One from the person stops their typing
 * notice, and counts as unread unless the counsellor is looking at this chat (`seen`).
 */
export function receiveMessage(chat: ChatState, m: DeskMessage, seen: boolean): ChatState {
  if (chat.messages.some((x) => x.id === m.id)) return chat;
  const next = { ...chat, messages: [...chat.messages, m] };
  if (m.from !== 'survivor') return next;
  return { ...next, typing: false, unread: seen ? chat.unread : chat.unread + 1 };
}

/** The server stored the counsellor's message: it takes its id and time (if the server's copy came first, that copy stays). */
export function confirmMessage(chat: ChatState, clientId: string, id: string, sentAt: string): ChatState {
  if (!chat.messages.some((m) => m.id === clientId)) return chat;
  if (chat.messages.some((m) => m.id === id)) return removeMessage(chat, clientId);
  return { ...chat, messages: chat.messages.map((m) => (m.id === clientId ? { ...m, id, sentAt, pending: false } : m)) };
}

/** A message the server did not take (its text goes back into the compose box). */
export function removeMessage(chat: ChatState, clientId: string): ChatState {
  return chat.messages.some((m) => m.id === clientId) ? { ...chat, messages: chat.messages.filter((m) => m.id !== clientId) } : chat;
}

/** The chat ended (by whom, and whether the person left quickly); a closing form already open stays open, any other closes. */
export function endChat(chat: ChatState, by: string, quickExit: boolean): ChatState {
  return { ...chat, state: 'ended', endedBy: by, quickExit: chat.quickExit || quickExit, typing: false, mode: chat.mode === 'close' ? 'close' : 'chat' };
}

/** Pressing a form's button opens it, pressing it again closes it. */
export function nextMode(current: ChatMode, asked: ChatMode): ChatMode {
  return current === asked && asked !== 'chat' ? 'chat' : asked;
}

/** A change the server's list shows that this desk has not seen: applied as the event it stands for. */
export type ListedChange =
  | { kind: 'ended'; by: string; quickExit: boolean }
  | { kind: 'risk'; flag: RiskChange }
  | { kind: 'connection'; connected: boolean };

/** What the server's list says happened to a chat that the desk missed (it ended, a new flag, the person came or went). */
export function listedChanges(chat: ChatState, listed: OwnSession): ListedChange[] {
  const changes: ListedChange[] = [];
  if (listed.state === 'ended' && chat.state !== 'ended') changes.push({ kind: 'ended', by: listed.endedBy ?? 'system', quickExit: listed.quickExit });
  const newer = newerRisk(chat, listed);
  if (newer) changes.push({ kind: 'risk', flag: newer });
  if (listed.survivorConnected !== chat.survivorConnected) changes.push({ kind: 'connection', connected: listed.survivorConnected });
  return changes;
}

/** An escalation the server lists for one's chat (after a reload), as the desk keeps it; fields it lacks stay out. */
export function restoredEscalation(e: OwnEscalation): RaisedEscalation {
  return {
    escalationId: e.escalationId, status: e.status, channel: e.channel, serviceName: e.serviceName, at: e.at,
    ...(e.urgency ? { urgency: e.urgency } : {}), ...(e.phone ? { phone: e.phone } : {}), ...(e.phoneResult ? { phoneResult: e.phoneResult } : {}),
    ...(e.raisedByMe === false ? { byColleague: true } : {}),
  };
}

/**
 * Adds an escalation or updates the one already known. Statuses come from several places
 * (the worker, the gateway, a reload's list) and may arrive out of order: an older one never
 * replaces a newer one, though its other facts (the service's name, the number) are kept.
 * `ackStatus` is the status of a new one when the data has none (the answer to raising it).
 */
export function upsertEscalation(
  list: readonly RaisedEscalation[], data: Omit<RaisedEscalation, 'status'> & { status?: string }, ackStatus?: string,
): { list: readonly RaisedEscalation[]; item: RaisedEscalation } {
  const known = list.find((e) => e.escalationId === data.escalationId);
  const base: RaisedEscalation = known ?? { escalationId: data.escalationId, status: ackStatus ?? 'queued' };
  const older = !!(known?.at && data.at && Date.parse(data.at) < Date.parse(known.at));
  const { status, phoneResult, at, ...facts } = data;
  const item: RaisedEscalation = older
    ? { ...base, ...facts }
    : { ...base, ...facts, status: status ?? base.status, ...(phoneResult ? { phoneResult } : {}), ...(at ? { at } : {}) };
  return { list: known ? list.map((e) => (e === known ? item : e)) : [...list, item], item };
}

/** The counsellor recorded how their call went; the server's answer gives the status. */
export function recordPhoneResult(list: readonly RaisedEscalation[], escalationId: string, phoneResult: string, status: string): readonly RaisedEscalation[] {
  return list.map((e) => (e.escalationId === escalationId ? { ...e, phoneResult, status } : e));
}
