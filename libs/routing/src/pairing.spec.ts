import { DECLINE_COOLDOWN_MS, pairSessions, type Candidate, type WaitingSession } from './pairing';
import { priorityFor } from './order';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));
const now = t(59);
const session = (id: string, language: string, priority: number, enqueuedSecond: number, extra: Partial<WaitingSession> = {}): WaitingSession =>
  ({ id, language, priority, enqueuedAt: t(enqueuedSecond), declinedBy: [], lastDeclinedAt: null, ...extra });
const counsellor = (id: string, languages: string[], extra: Partial<Candidate> = {}): Candidate =>
  ({ id, languages, maxChats: 1, load: 0, lastOfferAt: null, ...extra });

describe('routing order', () => {
  it('puts immediate danger and risk flags first, then children, then the rest', () => {
    expect(priorityFor({ immediateDanger: true })).toBe(0);
    expect(priorityFor({ immediateDanger: false }, true)).toBe(0);
    expect(priorityFor({ immediateDanger: false, ageGroup: 'child' })).toBe(1);
    expect(priorityFor({ immediateDanger: false, ageGroup: 'adult', forWhom: 'child' })).toBe(2);
  });

  it('serves danger before children before adults, and the longest wait first within a class', () => {
    const sessions = [session('adult-old', 'pl', 2, 1), session('child', 'pl', 1, 5), session('danger-new', 'pl', 0, 9), session('danger-old', 'pl', 0, 7)];
    const staff = ['a', 'b', 'c'].map((id) => counsellor(id, ['pl']));
    expect(pairSessions(sessions, staff, now).map((p) => p.sessionId)).toEqual(['danger-old', 'danger-new', 'child']);
  });

  it('offers to the counsellor whose last offer was longest ago', () => {
    const staff = [counsellor('recent', ['uk'], { lastOfferAt: t(50) }), counsellor('long-ago', ['uk'], { lastOfferAt: t(10) }), counsellor('never', ['uk'], { lastOfferAt: null })];
    const pairs = pairSessions([session('s1', 'uk', 2, 1), session('s2', 'uk', 2, 2)], staff, now);
    expect(pairs).toEqual([{ sessionId: 's1', staffId: 'never' }, { sessionId: 's2', staffId: 'long-ago' }]);
  });

  it('only pairs counsellors who speak the language', () => {
    const pairs = pairSessions([session('en1', 'en', 2, 1), session('pl1', 'pl', 2, 2)], [counsellor('pl-only', ['pl'])], now);
    expect(pairs).toEqual([{ sessionId: 'pl1', staffId: 'pl-only' }]);
  });

  it('never exceeds a counsellor’s capacity, counting what they already hold', () => {
    const staff = [counsellor('two', ['pl'], { maxChats: 2, load: 1 }), counsellor('full', ['pl'], { maxChats: 1, load: 1 })];
    const pairs = pairSessions([1, 2, 3].map((i) => session(`s${i}`, 'pl', 2, i)), staff, now);
    expect(pairs).toEqual([{ sessionId: 's1', staffId: 'two' }]);
  });

  it('never pairs one session twice or gives one counsellor more than their room in a pass', () => {
    const staff = [counsellor('a', ['pl', 'uk'], { maxChats: 2 }), counsellor('b', ['uk'])];
    const sessions = [session('p1', 'pl', 2, 1), session('u1', 'uk', 0, 3), session('u2', 'uk', 2, 2), session('p2', 'pl', 2, 4)];
    const pairs = pairSessions(sessions, staff, now);
    expect(new Set(pairs.map((p) => p.sessionId)).size).toBe(pairs.length);
    expect(pairs.filter((p) => p.staffId === 'a').length).toBeLessThanOrEqual(2);
    expect(pairs.filter((p) => p.staffId === 'b').length).toBeLessThanOrEqual(1);
    expect(pairs).toHaveLength(3);
    expect(pairs[0]).toEqual({ sessionId: 'u1', staffId: 'a' });
  });

  it('skips a counsellor who declined, and comes back to them only after the cool-down when nobody else is free', () => {
    const declined = { declinedBy: ['a'], lastDeclinedAt: t(50) };
    expect(pairSessions([session('s', 'pl', 2, 1, declined)], [counsellor('a', ['pl']), counsellor('b', ['pl'])], now)).toEqual([{ sessionId: 's', staffId: 'b' }]);
    expect(pairSessions([session('s', 'pl', 2, 1, declined)], [counsellor('a', ['pl'])], now)).toEqual([]);
    const later = new Date(t(50).getTime() + DECLINE_COOLDOWN_MS);
    expect(pairSessions([session('s', 'pl', 2, 1, declined)], [counsellor('a', ['pl'])], later)).toEqual([{ sessionId: 's', staffId: 'a' }]);
  });
});
