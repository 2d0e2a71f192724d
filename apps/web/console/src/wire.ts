import type { Lang } from './i18n';

/** The codes of the public interface, from the contract itself (constants only, nothing else is bundled). */
export { CATEGORIES, OUTCOMES, RISK_LEVELS, ROLES, SERVICE_KINDS, URGENCIES } from '../../../../libs/contract/src/codes';
export { AUDIT_ACTIONS } from '../../../../libs/contract/src/audit';

/** What the `/staff` socket and the API send, as the console reads it. */
export interface Message { id: string; sessionId: string; from: 'survivor' | 'counsellor' | 'system'; text: string; sentAt: string }
export interface Triage { immediateDanger: boolean; forWhom?: string; ageGroup?: string }

export interface Offer {
  sessionId: string; language: Lang; triage: Triage; waitedSeconds: number; expiresInSeconds: number; riskFlags?: string[];
  transferredBy?: string; note?: string;
}

export interface OwnSession {
  sessionId: string; language: Lang; state: 'active' | 'ended'; triage: Triage; riskFlags: string[]; assignedAt: string | null;
  endedBy: string | null; quickExit: boolean; survivorConnected: boolean; messages: Message[];
  /** The escalations one raised from this chat (absent from an older gateway). */
  escalations?: OwnEscalation[];
}

export interface CannedReply { id: string; language: Lang; kind: 'opener' | 'reply'; title: string; text: string }

export interface EscalationStatus { escalationId: string; sessionId: string; serviceId: string; status: string; at: string; phoneResult?: string }

/** An escalation as `sessions:list {scope: "mine"}` restores it: the status and the service's public entry, never the details. */
export interface OwnEscalation extends EscalationStatus {
  urgency?: string; serviceName: string; serviceKind: string; channel: 'phone' | 'webhook' | 'email'; phone?: string;
  /** false when a colleague raised it before the chat was transferred */
  raisedByMe?: boolean;
}

export interface QueueStatus {
  at: string;
  languages: Record<Lang, { waiting: number; priorityWaiting: number; longestWaitSeconds: number; counsellorsAvailable: number; counsellorsBusy: number; activeSessions: number }>;
}

export interface LiveSession {
  sessionId: string; language: Lang; state: 'waiting' | 'offered' | 'active'; priority: number; riskFlags: string[]; triage: Triage;
  waitedSeconds: number; counsellorId: string | null; counsellorName: string | null; assignedAt: string | null; survivorConnected: boolean;
}

export interface Colleague { id: string; name: string; languages: Lang[]; load: number; maxChats: number }
