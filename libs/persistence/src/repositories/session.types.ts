import type { EndedBy, Language, RiskSignal, Triage } from '@prystan/contract';

export type SessionState = 'waiting' | 'offered' | 'active' | 'ended';

/** A session as the services see it (no token hash, no transcript). */
export interface SessionRecord {
  id: string;
  language: Language;
  state: SessionState;
  priority: number;
  triage: Triage;
  riskFlags: string[];
  /** Why risk detection flagged it (codes only), advisory signals included. */
  riskSignals: RiskSignal[];
  enqueuedAt: Date;
  counsellorId: string | null;
  offerSeq: number;
  offerExpiresAt: Date | null;
  assignedAt: Date | null;
  endedAt: Date | null;
  endedBy: EndedBy | null;
  quickExit: boolean;
  outcome: string | null;
  /** The survivor's page is connected (no disconnection recorded since it last attached). */
  survivorConnected: boolean;
}

export const SESSION_COLUMNS = `id, language, state, priority, triage, risk_flags AS "riskFlags", risk_signals AS "riskSignals", enqueued_at AS "enqueuedAt",
  counsellor_id AS "counsellorId", offer_seq AS "offerSeq", offer_expires_at AS "offerExpiresAt",
  assigned_at AS "assignedAt", ended_at AS "endedAt", ended_by AS "endedBy", quick_exit AS "quickExit", outcome,
  (survivor_disconnected_at IS NULL) AS "survivorConnected"`;
