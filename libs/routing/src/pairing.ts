import { compareRoutingOrder } from './order';

export interface WaitingSession {
  id: string;
  language: string;
  priority: number;
  enqueuedAt: Date;
  declinedBy: string[];
  lastDeclinedAt: Date | null;
}

export interface Candidate {
  id: string;
  languages: string[];
  maxChats: number;
  /** offered + active sessions now */
  load: number;
  lastOfferAt: Date | null;
}

export interface Pairing { sessionId: string; staffId: string }

/** A counsellor who declined a session is offered it again only when nobody else can take it, and not at once. */
export const DECLINE_COOLDOWN_MS = 60_000;

/**
 * Pairs waiting sessions with counsellors. Sessions in routing order; for each, among
 * counsellors who speak its language and have room, the one whose last offer was longest
 * ago. A counsellor who gets an offer goes to the back of that order. Pure: no I/O.
 */
export function pairSessions(sessions: WaitingSession[], candidates: Candidate[], now: Date): Pairing[] {
  const pool = candidates
    .map((c) => ({ ...c }))
    .sort((a, b) => (a.lastOfferAt?.getTime() ?? 0) - (b.lastOfferAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
  const pairings: Pairing[] = [];
  for (const session of [...sessions].sort(compareRoutingOrder)) {
    const able = pool.filter((c) => c.load < c.maxChats && c.languages.includes(session.language));
    const fresh = able.find((c) => !session.declinedBy.includes(c.id));
    const cooledDown = !session.lastDeclinedAt || now.getTime() - session.lastDeclinedAt.getTime() >= DECLINE_COOLDOWN_MS;
    const chosen = fresh ?? (cooledDown ? able[0] : undefined);
    if (!chosen) continue;
    chosen.load += 1;
    pool.splice(pool.indexOf(chosen), 1);
    pool.push(chosen);
    pairings.push({ sessionId: session.id, staffId: chosen.id });
  }
  return pairings;
}
