import type { Language } from './codes';
import type { OfferPayload, Triage } from './wire';

/** A session as it is offered: whatever row it was read from (a routing pass, a hand-over). */
export interface OfferedSession {
  sessionId: string;
  language: Language;
  triage: Triage;
  waitedSeconds: number;
  riskFlags: string[];
  offerExpiresAt: Date | string;
}

/**
 * The `offer` payload, built in one place for the worker's routing pass and the gateway's
 * transfers and reassignments. The time left is rounded and never below 1 s: an offer shown
 * as expiring in 0 s could not be accepted.
 */
export function offerPayload(session: OfferedSession, handover?: { transferredBy: string; note?: string }, now = Date.now()): OfferPayload {
  return {
    sessionId: session.sessionId,
    language: session.language,
    triage: session.triage,
    waitedSeconds: session.waitedSeconds,
    expiresInSeconds: Math.max(1, Math.round((new Date(session.offerExpiresAt).getTime() - now) / 1000)),
    riskFlags: session.riskFlags,
    ...(handover ? { transferredBy: handover.transferredBy, ...(handover.note ? { note: handover.note } : {}) } : {}),
  };
}
