/**
 * What the `/staff` socket and the API send, as the console reads it: the contract's own
 * types and codes, from its browser entry (nothing server-only is bundled).
 */
export { AUDIT_ACTIONS, CATEGORIES, OUTCOMES, RISK_LEVELS, ROLES, SERVICE_KINDS, URGENCIES } from '../../../../libs/contract/src/browser';
export type {
  CannedReply, EscalationStatusPayload as EscalationStatus, Colleague, HeldOffer, LiveSession, OfferPayload as Offer, OwnEscalation, OwnSession, QueueStatus, RiskFlag,
  RiskSignal, StaffEvents, ToStaff, Triage, WireMessage as Message,
} from '../../../../libs/contract/src/browser';
