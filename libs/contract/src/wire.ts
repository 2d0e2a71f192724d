import type { EndedBy, EscalationStatus, Language, Presence } from './codes';

/**
 * The shapes that travel from the server: socket event payloads, acknowledgement data and
 * the JSON the console reads from the API. Plain interfaces only, so a browser bundle can
 * import them (see browser.ts).
 */

/** A message as it travels on the wire. */
export interface WireMessage {
  id: string;
  sessionId: string;
  from: 'survivor' | 'counsellor' | 'system';
  text: string;
  sentAt: string;
}

export interface Triage {
  immediateDanger: boolean;
  forWhom?: 'self' | 'child' | 'someone-else';
  ageGroup?: 'child' | 'adult';
}

// ---- /chat, server → client

export interface QueuePosition { position: number; estimatedWaitSeconds: number | null }
export interface Assigned { counsellorName: string; language: Language }
export interface SurvivorTypingState { isTyping: boolean }
/** `resumed-elsewhere`: another connection took the session over (this one is then closed). */
export interface SurvivorSessionEnded { by: EndedBy; reason?: 'resumed-elsewhere' }
export interface SurvivorTransferred { language: Language }

// ---- /chat, acknowledgement data

export interface SessionStarted {
  sessionId: string;
  resumeToken: string;
  position: number;
  /** null when nobody is on duty in that language */
  estimatedWaitSeconds: number | null;
  onDuty: boolean;
}

export interface SessionResumed {
  sessionId: string;
  resumeToken: string;
  state: 'waiting' | 'active' | 'ended';
  position?: number;
  estimatedWaitSeconds?: number | null;
  counsellorName?: string;
  messages: WireMessage[];
}

export interface MessageStored { id: string; sentAt: string }

// ---- /staff, server → client

export interface OfferPayload {
  sessionId: string;
  language: Language;
  triage: Triage;
  waitedSeconds: number;
  expiresInSeconds: number;
  /** extension: risk detection flagged a message while waiting (category codes only). */
  riskFlags: string[];
  /** extension: a colleague (or a duty manager) handed this chat on. */
  transferredBy?: string;
  note?: string;
}

export type OfferWithdrawnReason = 'timeout' | 'ended' | 'presence' | 'reassigned' | 'accepted';
export interface OfferWithdrawn { sessionId: string; reason: OfferWithdrawnReason }
export interface PresenceState { status: Presence; reason?: 'offer-timeout' }
export interface StaffTypingState { sessionId: string; isTyping: boolean }
export interface SessionEndedPayload { sessionId: string; by: EndedBy; quickExit?: boolean }

export interface EscalationStatusPayload {
  escalationId: string;
  sessionId: string | null;
  serviceId: string;
  status: EscalationStatus;
  at: string;
  phoneResult?: string;
}

export interface LanguageQueueStatus {
  waiting: number;
  priorityWaiting: number;
  longestWaitSeconds: number;
  counsellorsAvailable: number;
  counsellorsBusy: number;
  activeSessions: number;
}

export interface QueueStatus {
  at: string;
  languages: Record<Language, LanguageQueueStatus>;
}

/**
 * Why risk detection flagged a chat, as the counsellor's banner shows it: codes only, never text. `reason` is the
 * lexicon rule's id (`pl.kill.verb`) or the model's `model: <category>, <probability>`; `advisory` is true for a
 * model flag under its priority threshold: a banner, but no place ahead in the line and no manager alert.
 */
export interface RiskSignal { category: string; reason: string; advisory: boolean }

export interface RiskFlag {
  sessionId: string; category: string; ruleId: string; lexiconVersion: string;
  /** the categories that raised the session's priority (an advisory flag adds none) */
  riskFlags: string[];
  /** only when the model raised it (`ruleId` `model.<lang>.<category>`): its probability, two decimals */
  probability?: number;
  /** only when true: a model flag under its priority threshold (a banner only) */
  advisory?: true;
  /** the reason as the banner shows it (see RiskSignal) */
  reason: string;
  /** every signal of the chat so far, one per category and level, first reason kept */
  riskSignals: RiskSignal[];
}
export interface SurvivorConnection { sessionId: string; connected: boolean }
export interface StaffTransferred { sessionId: string; toStaffId: string | null; toLanguage: Language }

export type Alert =
  | { kind: 'flagged-waiting'; sessionId: string; language: Language; category: string; at: string }
  | { kind: 'escalation-failed'; escalationId: string; sessionId: string | null; channel?: 'phone' | 'webhook' | 'email'; reason?: string; at: string };

// ---- /staff, acknowledgement data

/** An escalation as `sessions:list {scope: "mine"}` restores it: the status and the service's public entry, never the details. */
export interface OwnEscalation extends EscalationStatusPayload {
  urgency: string;
  serviceName: string;
  serviceKind: string;
  channel: 'phone' | 'webhook' | 'email';
  phone?: string;
  /** false when a colleague raised it before the chat was transferred */
  raisedByMe: boolean;
}

export interface AcceptedSession {
  sessionId: string; language: Language; triage: Triage; riskFlags: string[]; riskSignals: RiskSignal[]; survivorConnected: boolean;
  messages: WireMessage[]; escalations: OwnEscalation[];
}

export interface OwnSession {
  sessionId: string; language: Language; state: 'active' | 'ended'; triage: Triage; riskFlags: string[]; riskSignals: RiskSignal[]; assignedAt: string | null;
  endedBy: string | null; quickExit: boolean; survivorConnected: boolean; messages: WireMessage[];
  escalations: OwnEscalation[];
}

export interface HeldOffer { sessionId: string; language: Language; triage: Triage; riskFlags: string[]; waitedSeconds: number; expiresInSeconds: number }
export interface OwnSessions { sessions: OwnSession[]; offers: HeldOffer[] }

export interface LiveSession {
  sessionId: string; language: Language; state: 'waiting' | 'offered' | 'active'; priority: number; riskFlags: string[]; triage: Triage;
  waitedSeconds: number; counsellorId: string | null; counsellorName: string | null; assignedAt: string | null; survivorConnected: boolean;
}
export interface LiveSessions { sessions: LiveSession[] }

export interface MonitoredSession {
  sessionId: string; language: Language; state: string; triage: Triage; riskFlags: string[]; counsellorName: string | null; messages: WireMessage[];
}

export interface EscalationCreated { escalationId: string; status: EscalationStatus; channel: 'phone' | 'webhook' | 'email'; phone?: string | null }
export interface SessionMoved { sessionId: string; state: string; language: Language }

// ---- HTTP, read by the console

export interface CannedReply { id: string; language: Language; kind: 'opener' | 'reply'; title: string; text: string }
export interface Colleague { id: string; name: string; languages: Language[]; load: number; maxChats: number }
