import type { EscalationStatusPayload } from '../../../../libs/contract/src/browser';

/**
 * What the `/staff` socket and the API send, as the console reads it: the contract's own
 * types and codes, from its browser entry (nothing server-only is bundled).
 */
export { AUDIT_ACTIONS, CATEGORIES, OUTCOMES, RISK_LEVELS, ROLES, SERVICE_KINDS, URGENCIES } from '../../../../libs/contract/src/browser';
export type {
  CannedReply, Colleague, HeldOffer, LiveSession, OfferPayload as Offer, OwnEscalation, OwnSession, QueueStatus, StaffEvents, ToStaff,
  Triage, WireMessage as Message,
} from '../../../../libs/contract/src/browser';

/**
 * The console looks a status up by its chat. The contract allows `sessionId: null` (the chat's
 * record was purged before a late status change); such a status finds no open chat either way.
 */
export type EscalationStatus = EscalationStatusPayload & { sessionId: string };
