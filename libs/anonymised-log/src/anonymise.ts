import type { ContactLogInput, EndedSessionFacts } from '@prystan/persistence';

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
export function anonymise(s: EndedSessionFacts, escalationKinds: string[] = []): ContactLogInput {
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
