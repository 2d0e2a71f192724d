import type { EndedBy, Language } from './codes';

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

export interface OfferPayload {
  sessionId: string;
  language: Language;
  triage: Triage;
  waitedSeconds: number;
  expiresInSeconds: number;
  /** extension: risk detection flagged a message while waiting (category codes only). */
  riskFlags: string[];
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

export interface SessionEndedPayload { sessionId: string; by: EndedBy; quickExit?: boolean }
