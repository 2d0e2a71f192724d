import {
  chatFromSession, confirmMessage, endChat, flagged, listedChanges, needsForm, nextMode, receiveMessage, recordPhoneResult, removeMessage, upsertEscalation,
  type ChatState, type DeskMessage,
} from './chat-state';
import type { OwnEscalation, OwnSession } from './wire';

const listed = (change: Partial<OwnSession> = {}): OwnSession => ({
  sessionId: 's1', language: 'pl', state: 'active', triage: { immediateDanger: false }, riskFlags: [], riskSignals: [], assignedAt: '2026-01-01T10:00:00Z',
  endedBy: null, quickExit: false, survivorConnected: true, messages: [], escalations: [], ...change,
});
const message = (id: string, from: DeskMessage['from'] = 'survivor'): DeskMessage => ({ id, sessionId: 's1', from, text: `text ${id}`, sentAt: '2026-01-01T10:01:00Z' });
const chat = (change: Partial<ChatState> = {}): ChatState => ({ ...chatFromSession(listed(), 1), ...change });

describe('a chat on the desk', () => {
  it('merges its transcript by message id', () => {
    const one = receiveMessage(chat(), message('m1'), true);
    expect(receiveMessage(one, message('m1'), true)).toBe(one);
    expect(receiveMessage(one, message('m2'), true).messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('counts the person\'s messages as unread unless they are seen, and stops their typing notice', () => {
    const typing = chat({ typing: true });
    expect(receiveMessage(typing, message('m1'), false)).toMatchObject({ unread: 1, typing: false });
    expect(receiveMessage(typing, message('m1'), true)).toMatchObject({ unread: 0, typing: false });
    expect(receiveMessage(typing, message('m1', 'system'), false)).toMatchObject({ unread: 0, typing: true });
  });

  it('gives a pending message the server\'s id, or drops it when the server\'s copy came first', () => {
    const pending = receiveMessage(chat(), { ...message('client-1', 'counsellor'), pending: true }, true);
    const confirmed = confirmMessage(pending, 'client-1', 'm9', '2026-01-01T10:02:00Z');
    expect(confirmed.messages).toEqual([expect.objectContaining({ id: 'm9', sentAt: '2026-01-01T10:02:00Z', pending: false })]);
    expect(confirmMessage(confirmed, 'client-1', 'm9', 'x')).toBe(confirmed);
    const both = receiveMessage(pending, message('m9', 'counsellor'), true);
    expect(confirmMessage(both, 'client-1', 'm9', 'x').messages.map((m) => m.id)).toEqual(['m9']);
    expect(removeMessage(pending, 'client-1').messages).toEqual([]);
  });

  it('ends keeping a closing form that is open, and remembers a quick exit', () => {
    expect(endChat(chat({ mode: 'close', typing: true }), 'survivor', false)).toMatchObject({ state: 'ended', mode: 'close', typing: false, endedBy: 'survivor' });
    expect(endChat(chat({ mode: 'transfer' }), 'system', false).mode).toBe('chat');
    expect(endChat(chat({ quickExit: true }), 'survivor', false).quickExit).toBe(true);
    expect(needsForm(endChat(chat(), 'counsellor', false))).toBe(true);
  });

  it('is flagged by a risk flag, a quick exit or immediate danger', () => {
    expect(flagged(chat())).toBe(false);
    expect(flagged(chat({ riskFlags: ['threat'] }))).toBe(true);
    expect(flagged(chat({ quickExit: true }))).toBe(true);
    expect(flagged(chat({ triage: { immediateDanger: true } }))).toBe(true);
  });

  it('opens a form with its button and closes it with the same button', () => {
    expect(nextMode('chat', 'close')).toBe('close');
    expect(nextMode('close', 'close')).toBe('chat');
    expect(nextMode('transfer', 'escalate')).toBe('escalate');
    expect(nextMode('chat', 'chat')).toBe('chat');
  });

  it('takes from the server\'s list only what it missed, as the events they stand for', () => {
    expect(listedChanges(chat(), listed())).toEqual([]);
    expect(listedChanges(chat({ riskFlags: ['threat'] }), listed({ state: 'ended', endedBy: null, quickExit: true, riskFlags: ['threat', 'weapon'], survivorConnected: false }))).toEqual([
      { kind: 'ended', by: 'system', quickExit: true },
      { kind: 'risk', flag: { category: 'weapon', riskFlags: ['threat', 'weapon'], riskSignals: [] } },
      { kind: 'connection', connected: false },
    ]);
    expect(listedChanges(chat({ state: 'ended', riskFlags: ['threat', 'weapon'] }), listed({ state: 'ended', riskFlags: ['threat'] }))).toEqual([]);
  });
});

describe('escalations raised from a chat', () => {
  const restored: OwnEscalation = {
    escalationId: 'e1', sessionId: 's1', serviceId: 'svc', status: 'queued', at: '2026-01-01T10:05:00Z', urgency: 'today',
    serviceName: 'Crisis centre', serviceKind: 'crisis-intervention-centre', channel: 'phone', phone: '733 588 900', raisedByMe: false,
  };

  it('come back with a reload as they were, a colleague\'s marked as theirs', () => {
    expect(chatFromSession(listed({ escalations: [restored] }), 1).escalations).toEqual([{
      escalationId: 'e1', status: 'queued', channel: 'phone', serviceName: 'Crisis centre', at: '2026-01-01T10:05:00Z', urgency: 'today', phone: '733 588 900', byColleague: true,
    }]);
  });

  it('never go back to an older status, but keep the facts it brings', () => {
    const { list } = upsertEscalation([], { escalationId: 'e1', status: 'delivered', at: '2026-01-01T10:06:00Z' });
    const older = upsertEscalation(list, { escalationId: 'e1', status: 'queued', at: '2026-01-01T10:05:00Z', serviceName: 'Crisis centre' });
    expect(older.item).toMatchObject({ status: 'delivered', at: '2026-01-01T10:06:00Z', serviceName: 'Crisis centre' });
    const newer = upsertEscalation(older.list, { escalationId: 'e1', status: 'acknowledged', at: '2026-01-01T10:07:00Z' });
    expect(newer.list).toEqual([expect.objectContaining({ status: 'acknowledged', serviceName: 'Crisis centre' })]);
  });

  it('take the answer\'s status when raised here, unless a live status came first', () => {
    expect(upsertEscalation([], { escalationId: 'e2', channel: 'phone' }, 'queued').item.status).toBe('queued');
    const live = upsertEscalation([], { escalationId: 'e2', status: 'delivered', at: '2026-01-01T10:06:00Z' }).list;
    expect(upsertEscalation(live, { escalationId: 'e2', serviceName: 'Police' }, 'queued').item).toMatchObject({ status: 'delivered', serviceName: 'Police' });
  });

  it('record the result of the counsellor\'s call', () => {
    const { list } = upsertEscalation([], { escalationId: 'e1', status: 'queued', channel: 'phone' });
    expect(recordPhoneResult(list, 'e1', 'called', 'queued')).toEqual([expect.objectContaining({ phoneResult: 'called', status: 'queued' })]);
  });
});
