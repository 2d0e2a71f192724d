import { anonymise, hourOf, type EndedSession } from './anonymise';
import { suppress } from './suppress';

// as stored, with the counsellor's id beside the facts: the anonymiser must not carry it over
const base: EndedSession & { counsellorId: string | null } = {
  language: 'uk',
  triage: { immediateDanger: true, forWhom: 'self', ageGroup: 'adult' },
  riskFlags: ['threat-to-kill'],
  answered: true,
  createdAt: new Date('2026-03-04T10:17:33.123Z'),
  assignedAt: new Date('2026-03-04T10:20:00.000Z'),
  endedAt: new Date('2026-03-04T10:52:10.000Z'),
  endedBy: 'counsellor',
  quickExit: false,
  outcome: 'referred',
  riskLevel: 'high',
  categories: ['psychological', 'physical', 'physical'],
  counsellorId: '7b0f6f6e-43c1-4f4c-9d6b-0f4c2f9c1e11',
};

describe('anonymiser', () => {
  it('keeps the hour only, bands for times, codes for the rest', () => {
    const entry = anonymise(base, ['police', 'mobile-team', 'police']);
    expect(entry).toEqual({
      hour: new Date('2026-03-04T10:00:00.000Z'),
      language: 'uk',
      answered: true,
      abandoned: false,
      waitBand: '1-5m',
      durationBand: '30-60m',
      outcome: 'referred',
      riskLevel: 'high',
      categories: ['physical', 'psychological'],
      escalationKinds: ['mobile-team', 'police'],
      forWhom: 'self',
      ageGroup: 'adult',
      immediateDanger: true,
      riskFlagged: true,
      endedBy: 'counsellor',
      quickExit: false,
    });
  });

  it('holds no id, no counsellor and no exact time', () => {
    const text = JSON.stringify(anonymise(base));
    expect(text).not.toContain(base.counsellorId!);
    expect(text).not.toContain('10:17');
    expect(text).not.toContain('10:52');
  });

  it('counts a wait that never reached a counsellor as abandoned', () => {
    const entry = anonymise({ ...base, answered: false, assignedAt: null, outcome: null, endedBy: 'system', endedAt: new Date('2026-03-04T10:40:00Z') });
    expect(entry).toMatchObject({ answered: false, abandoned: true, outcome: 'abandoned', waitBand: '15-60m', durationBand: null });
  });

  it('marks an answered chat without a closing form as not recorded', () => {
    expect(anonymise({ ...base, outcome: null, riskLevel: null, categories: null }).outcome).toBe('not-recorded');
  });

  it('truncates to the UTC hour', () => {
    expect(hourOf(new Date('2026-12-31T23:59:59.999Z')).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
});

describe('small-cell suppression (the primary rule; publishStats adds the complementary one)', () => {
  it('hides counts from 1 to minCell - 1, keeps zero and larger counts', () => {
    expect([0, 1, 4, 5, 12].map((n) => suppress(n, 5))).toEqual([0, null, null, 5, 12]);
  });
});
