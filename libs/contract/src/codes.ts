/** Fixed vocabularies of the public interface (shared/contract.md). */
export const LANGUAGES = ['pl', 'uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ROLES = ['counsellor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PRESENCE = ['available', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCE)[number];

export const OUTCOMES = ['supported', 'referred', 'escalated', 'dropped', 'abusive', 'test'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const RISK_LEVELS = ['none', 'low', 'medium', 'high', 'imminent'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Contact categories a counsellor records when closing (documented in docs/protocol.md). */
export const CATEGORIES = [
  'physical', 'psychological', 'sexual', 'economic', 'stalking', 'child-at-risk',
  'digital', 'trafficking', 'elder-abuse', 'war-related', 'housing', 'legal', 'health', 'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const FOR_WHOM = ['self', 'child', 'someone-else'] as const;
export const AGE_GROUPS = ['child', 'adult'] as const;
export const URGENCIES = ['immediate', 'today', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const SERVICE_KINDS = [
  'emergency', 'police', 'mobile-team', 'crisis-room', 'shelter', 'crisis-intervention-centre',
  'hotline', 'legal-aid', 'child-protection',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const ENDED_BY = ['survivor', 'counsellor', 'timeout', 'system'] as const;
export type EndedBy = (typeof ENDED_BY)[number];

export const ERROR_CODES = ['invalid_input', 'not_found', 'forbidden', 'conflict', 'rate_limited', 'unavailable'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ESCALATION_STATUSES = ['queued', 'delivered', 'acknowledged', 'failed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const TEXT_MAX = 4000;
