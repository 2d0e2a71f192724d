import type { EndedBy, Language, Triage } from '@prystan/contract';

/** What the anonymiser reads of an ended session; whoever stores sessions supplies it. */
export interface EndedSession {
  language: Language;
  triage: Triage;
  riskFlags: string[];
  answered: boolean;
  createdAt: Date;
  assignedAt: Date | null;
  endedAt: Date;
  endedBy: EndedBy;
  quickExit: boolean;
  outcome: string | null;
  riskLevel: string | null;
  categories: string[] | null;
}

/** One anonymised contact, as the contact log stores it: codes, bands and the hour only. */
export interface ContactLogEntry {
  hour: Date;
  language: string;
  answered: boolean;
  abandoned: boolean;
  waitBand: string;
  durationBand: string | null;
  outcome: string;
  riskLevel: string | null;
  categories: string[];
  escalationKinds: string[];
  forWhom: string | null;
  ageGroup: string | null;
  immediateDanger: boolean;
  riskFlagged: boolean;
  endedBy: string;
  quickExit: boolean;
}

const MINUTE = 60;
const WAIT_BANDS: [number, string][] = [[MINUTE, 'under-1m'], [5 * MINUTE, '1-5m'], [15 * MINUTE, '5-15m'], [60 * MINUTE, '15-60m']];
const DURATION_BANDS: [number, string][] = [[5 * MINUTE, 'under-5m'], [15 * MINUTE, '5-15m'], [30 * MINUTE, '15-30m'], [60 * MINUTE, '30-60m']];

/** Documented in docs/protocol.md: the only values a log entry's bands take. */
export const WAIT_BAND_CODES = [...WAIT_BANDS.map(([, c]) => c), 'over-60m'];
export const DURATION_BAND_CODES = [...DURATION_BANDS.map(([, c]) => c), 'over-60m'];

export function band(seconds: number, bands: [number, string][]): string {
  for (const [limit, code] of bands) if (seconds < limit) return code;
  return 'over-60m';
}

/** The start of the UTC hour: the only time a log entry keeps. */
export function hourOf(date: Date): Date {
  const d = new Date(date.getTime());
  d.setUTCMinutes(0, 0, 0);
  return d;
}

const seconds = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);

/**
 * One ended session → one anonymised contact: fixed codes, the hour only, no ids.
 * A contact that never reached a counsellor is `abandoned`; one that did but got no
 * closing form is `not-recorded`.
 */
export function anonymise(s: EndedSession, escalationKinds: string[] = []): ContactLogEntry {
  const waitedUntil = s.assignedAt ?? s.endedAt;
  const outcome = s.outcome ?? (s.answered ? 'not-recorded' : 'abandoned');
  return {
    hour: hourOf(s.createdAt),
    language: s.language,
    answered: s.answered,
    abandoned: !s.answered,
    waitBand: band(seconds(s.createdAt, waitedUntil), WAIT_BANDS),
    durationBand: s.assignedAt ? band(seconds(s.assignedAt, s.endedAt), DURATION_BANDS) : null,
    outcome,
    riskLevel: s.riskLevel,
    categories: [...new Set(s.categories ?? [])].sort(),
    escalationKinds: [...new Set(escalationKinds)].sort(),
    forWhom: s.triage.forWhom ?? null,
    ageGroup: s.triage.ageGroup ?? null,
    immediateDanger: s.triage.immediateDanger === true,
    riskFlagged: s.riskFlags.length > 0,
    endedBy: s.endedBy,
    quickExit: s.quickExit,
  };
}
