import { signal } from '@preact/signals';
import {
  chatFromSession, confirmMessage, endChat, listedChanges, nextMode, receiveMessage, recordPhoneResult, removeMessage, restoredEscalation, upsertEscalation,
  type ChatMode, type ChatState, type DeskMessage, type RaisedEscalation,
} from './chat-state';
import { announce } from './dom';
import type { RiskChange } from './risk-banners';
import { deskChats, deskFocus, selectedChat, t as copy, type DeskChat, type DeskFocus } from './store';
import type { EscalationStatus, OwnSession } from './wire';
import { statusText } from './views/escalation-status';

/**
 * The desk's chats in the store: adding and removing them, choosing the one on screen, and
 * applying what happens in each (through the rules in chat-state.ts), with what a screen
 * reader must hear about it. The desk feed calls these for the socket's events; the pane
 * calls the few that are the counsellor's own doing (a form opened, a message sent).
 */

export function findChat(sessionId: string | undefined): DeskChat | undefined {
  return sessionId === undefined ? undefined : deskChats.value.find((c) => c.sessionId === sessionId);
}

/** Changes one chat's state; nothing happens when the chat is not on the desk or the rule changed nothing. */
export function updateChat(sessionId: string, change: (chat: ChatState) => ChatState): void {
  const entry = findChat(sessionId);
  if (!entry) return;
  const next = change(entry.chat.peek());
  if (next !== entry.chat.peek()) entry.chat.value = next;
}

/** A chat joins the desk (after the others); the first one, or one just accepted, is put on screen. */
export function addChat(session: OwnSession, number: number, select: boolean): void {
  if (findChat(session.sessionId)) return;
  deskChats.value = [...deskChats.value, { sessionId: session.sessionId, chat: signal(chatFromSession(session, number)) }];
  if (select || !selectedChat.value) selectedChat.value = session.sessionId;
  markSeen();
}

/** A chat leaves the desk; if it was on screen, the first one left takes its place. */
export function removeChat(sessionId: string): void {
  deskChats.value = deskChats.value.filter((c) => c.sessionId !== sessionId);
  if (selectedChat.value === sessionId) selectedChat.value = deskChats.value[0]?.sessionId;
  markSeen();
}

export function selectChat(sessionId: string, focus: boolean): void {
  if (!findChat(sessionId)) return;
  selectedChat.value = sessionId;
  markSeen();
  if (focus) moveFocus({ sessionId });
}

/** Where the keyboard goes once the desk is drawn again. */
export function moveFocus(to: DeskFocus): void {
  deskFocus.value = to;
}

/** The chat on screen, if the counsellor can see the page, has no unread messages. */
export function markSeen(): void {
  const id = selectedChat.peek();
  if (id !== undefined && !document.hidden) updateChat(id, (c) => (c.unread === 0 ? c : { ...c, unread: 0 }));
}

/** A message from the server (or the counsellor's own, pending); one from the person in a chat not on screen is announced. */
export function receive(m: DeskMessage): void {
  const visible = selectedChat.peek() === m.sessionId;
  let counted: ChatState | undefined;
  updateChat(m.sessionId, (chat) => {
    const next = receiveMessage(chat, m, visible && !document.hidden);
    if (next.unread > chat.unread) counted = next;
    return next;
  });
  if (counted && !visible) announce(copy.value.chat.newMessageIn(counted.number));
}

export function confirmed(sessionId: string, clientId: string, id: string, sentAt: string): void {
  updateChat(sessionId, (chat) => confirmMessage(chat, clientId, id, sentAt));
}

export function failed(sessionId: string, clientId: string): void {
  updateChat(sessionId, (chat) => removeMessage(chat, clientId));
}

export function typing(sessionId: string, on: boolean): void {
  updateChat(sessionId, (chat) => (chat.typing === on ? chat : { ...chat, typing: on }));
}

export function ended(sessionId: string, by: string, quickExit: boolean): void {
  updateChat(sessionId, (chat) => endChat(chat, by, quickExit));
  const chat = findChat(sessionId)?.chat.peek();
  if (!chat) return;
  const t = copy.value;
  announce(`${t.chat.heading(chat.number, t.langName[chat.language])}: ${chat.quickExit ? t.chat.quickExit : t.chat.ended[by] ?? t.chat.ended.system} ${t.chat.fillForm}`, true);
}

/** A flag (from the socket, or found on a reconnection): the banners redraw; an advisory one is announced politely. */
export function riskFlag(sessionId: string, flag: RiskChange): void {
  updateChat(sessionId, (chat) => ({ ...chat, riskFlags: flag.riskFlags, riskSignals: flag.riskSignals ?? chat.riskSignals }));
  const chat = findChat(sessionId)?.chat.peek();
  const t = copy.value;
  if (!chat || !flag.category) return;
  const name = t.riskFlag.category[flag.category] ?? flag.category;
  if (flag.advisory) announce(t.chat.riskAdvisoryAnnounce(chat.number, name), false);
  else announce(t.chat.riskAnnounce(chat.number, name), true);
}

export function connection(sessionId: string, connected: boolean): void {
  updateChat(sessionId, (chat) => (chat.survivorConnected === connected ? chat : { ...chat, survivorConnected: connected }));
}

/** After a reconnection: what came meanwhile, and (unless something here is newer than the server's read) the state as the server has it. */
export function mergeListed(listed: OwnSession, withState: boolean): void {
  const id = listed.sessionId;
  for (const m of listed.messages) receive(m);
  const chat = findChat(id)?.chat.peek();
  if (!chat) return;
  if (withState) {
    for (const change of listedChanges(chat, listed)) {
      if (change.kind === 'ended') ended(id, change.by, change.quickExit);
      else if (change.kind === 'risk') riskFlag(id, change.flag);
      else connection(id, change.connected);
    }
  }
  for (const e of listed.escalations ?? []) updateChat(id, (c) => ({ ...c, escalations: upsertEscalation(c.escalations, restoredEscalation(e)).list }));
}

export function knowsEscalation(sessionId: string, escalationId: string): boolean {
  return !!findChat(sessionId)?.chat.peek().escalations.some((e) => e.escalationId === escalationId);
}

/** The chat whose pane shows this escalation (a late status of a chat whose record was purged names no chat). */
export function chatWithEscalation(escalationId: string): string | undefined {
  return deskChats.value.find((c) => c.chat.peek().escalations.some((e) => e.escalationId === escalationId))?.sessionId;
}

/** A live status (it may come before the answer to `escalation:create`); a change of what it says is announced. */
export function escalationStatus(sessionId: string, p: EscalationStatus): void {
  const known = findChat(sessionId)?.chat.peek().escalations.find((e) => e.escalationId === p.escalationId);
  const before = known && statusText(copy.value, known, 'me');
  const item = raised(sessionId, { escalationId: p.escalationId, status: p.status, at: p.at, ...(p.phoneResult ? { phoneResult: p.phoneResult } : {}) });
  if (!item) return;
  const now = statusText(copy.value, item, 'me');
  if (known && now !== before) announce(`${item.serviceName ?? copy.value.escalation.list}: ${now}`, item.status === 'failed');
}

/** Adds an escalation to a chat, or updates the one it has; `ackStatus` is a new one's status from the answer to raising it. */
export function raised(sessionId: string, data: Omit<RaisedEscalation, 'status'> & { status?: string }, ackStatus?: string): RaisedEscalation | undefined {
  let item: RaisedEscalation | undefined;
  updateChat(sessionId, (chat) => {
    const next = upsertEscalation(chat.escalations, data, ackStatus);
    item = next.item;
    return { ...chat, escalations: next.list };
  });
  return item;
}

export function phoneRecorded(sessionId: string, escalationId: string, result: string, status: string): void {
  updateChat(sessionId, (chat) => ({ ...chat, escalations: recordPhoneResult(chat.escalations, escalationId, result, status) }));
}

/** Opens a form beside the chat (or closes it: its button again, or 'chat'), and the keyboard goes there. */
export function setMode(sessionId: string, mode: ChatMode): void {
  updateChat(sessionId, (chat) => ({ ...chat, mode: nextMode(chat.mode, mode) }));
  moveFocus({ sessionId });
}
