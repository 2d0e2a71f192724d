import { Freshness, planSync, type DeskList } from './desk-freshness';
import type { Offer, OwnSession } from './wire';

const session = (sessionId: string): OwnSession => ({
  sessionId, language: 'en', state: 'active', triage: { immediateDanger: false }, riskFlags: [], riskSignals: [], assignedAt: '2026-01-01T10:00:00Z',
  endedBy: null, quickExit: false, survivorConnected: true, messages: [], escalations: [],
});
const offer = (sessionId: string): Offer => ({ sessionId, language: 'en', triage: { immediateDanger: false }, waitedSeconds: 5, expiresInSeconds: 30, riskFlags: [] });
const list = (sessions: string[], offers: string[]): DeskList => ({ sessions: sessions.map(session), offers: offers.map(offer) });

describe('the desk keeps the newer news', () => {
  it('leaves alone a chat or offer that changed after the list was asked for', () => {
    const fresh = new Freshness();
    fresh.touch('before');
    const ticket = fresh.askList();
    fresh.touch('after');
    expect(fresh.isNewer('before', ticket)).toBe(false);
    expect(fresh.isNewer('after', ticket)).toBe(true);
    expect(fresh.isNewer('never', ticket)).toBe(false);
  });

  it('applies only the newest of overlapping lists', () => {
    const fresh = new Freshness();
    const first = fresh.askList();
    const second = fresh.askList();
    expect(fresh.isLatest(first)).toBe(false);
    expect(fresh.isLatest(second)).toBe(true);
  });

  it('keeps the events of a chat being accepted, in order, until the answer; others are dropped', () => {
    const fresh = new Freshness();
    const seen: string[] = [];
    expect(fresh.hold('s1', () => seen.push('early'))).toBe(false);
    fresh.startAccepting('s1');
    const ticket = fresh.askList();
    expect(fresh.isNewer('s1', ticket)).toBe(true);
    expect(fresh.hold('s1', () => seen.push('message'))).toBe(true);
    expect(fresh.hold('s1', () => seen.push('ended'))).toBe(true);
    fresh.finishAccepting('s1').forEach((apply) => apply());
    expect(seen).toEqual(['message', 'ended']);
    expect(fresh.isAccepting('s1')).toBe(false);
    expect(fresh.finishAccepting('s1')).toEqual([]);
  });
});

describe('what a list of my chats does to the desk', () => {
  const nothingNewer = () => false;

  it('adds what the desk lacks, merges what it has, and drops and withdraws what the server no longer lists', () => {
    const plan = planSync(list(['a', 'b'], ['o1', 'o2']), { chats: ['b', 'gone'], offers: ['o2', 'old'] }, nothingNewer);
    expect(plan.chats.map((c) => [c.kind, c.session.sessionId])).toEqual([['add', 'a'], ['merge', 'b']]);
    expect(plan.chats[1]).toMatchObject({ withState: true });
    expect(plan.drop).toEqual(['gone']);
    expect(plan.addOffers.map((o) => o.sessionId)).toEqual(['o1']);
    expect(plan.removeOffers).toEqual(['old']);
  });

  it('never undoes a newer change: such a chat merges its messages only, is neither added nor dropped; such an offer stays as it is', () => {
    const newer = (id: string) => ['b', 'new-chat', 'kept', 'new-offer', 'taken'].includes(id);
    const plan = planSync(list(['b', 'new-chat'], ['taken']), { chats: ['b', 'kept'], offers: ['new-offer'] }, newer);
    expect(plan.chats).toEqual([{ kind: 'merge', session: expect.objectContaining({ sessionId: 'b' }), withState: false }]);
    expect(plan.drop).toEqual([]);
    expect(plan.addOffers).toEqual([]);
    expect(plan.removeOffers).toEqual([]);
  });

  it('does not bring back as an offer a chat it drops in the same list', () => {
    const plan = planSync(list([], ['x']), { chats: ['x'], offers: [] }, nothingNewer);
    expect(plan.drop).toEqual(['x']);
    expect(plan.addOffers).toEqual([]);
  });

  it('adds an offer listed twice once', () => {
    expect(planSync(list([], ['o', 'o']), { chats: [], offers: [] }, nothingNewer).addOffers).toHaveLength(1);
  });
});
