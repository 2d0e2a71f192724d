import type { Category, Language, Outcome, Presence, RiskLevel, Urgency } from './codes';
import type { Triage } from './wire';

/**
 * What clients send: the payload of every client → server event, as plain shapes. The
 * validating classes in payloads.ts implement these (server only: class-validator).
 */

/** `/chat` */
export interface SessionStart { language: Language; triage: Triage }
export interface SessionResume { resumeToken: string; nextResumeToken?: string }
export interface SurvivorMessage { clientId: string; text: string }
export interface SurvivorTyping { isTyping: boolean }
export interface SessionEnd { reason?: 'quick-exit' }

/** `/staff` */
export interface PresenceSet { status: Presence }
export interface SessionRef { sessionId: string }
export interface StaffMessage { sessionId: string; clientId: string; text: string }
export interface StaffTyping { sessionId: string; isTyping: boolean }
export interface SessionClose { sessionId: string; outcome: Outcome; riskLevel: RiskLevel; categories: Category[] }
export interface EscalationDetails { summary: string; callbackPhone?: string; location?: string }
export interface EscalationCreate { sessionId: string; serviceId: string; urgency: Urgency; consent: true; details: EscalationDetails }
export interface EscalationPhoneResult { escalationId: string; result: 'called' | 'reached' | 'not-reached' }
export interface SessionsList { scope: 'mine' | 'live' }
export interface SessionTransfer { sessionId: string; toStaffId?: string; toLanguage?: Language; note?: string }
export interface SessionReassign { sessionId: string; toStaffId?: string; toLanguage?: Language }
