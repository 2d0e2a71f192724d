import { actors } from './support/actors';
import { ask, eventually, next } from './support/clients';
import { day } from './support/days';
import { liveService } from './support/live-service';
import { recoverHidden, statsEquations, statsFromCsv, type StatsAnswer } from './support/stats-attacker';

/**
 * Funders' statistics through the real gateway and worker: the issue's case (six Polish contacts,
 * no Ukrainian one, one English one, STATS_MIN_CELL=5), where the one English contact was
 * 7 − 6 − 0 away from the published totals. Neither the answer nor the CSV may give it away.
 */
describe('statistics: a hidden count cannot be worked out from the figures beside it', () => {
  const live = liveService({ STATS_MIN_CELL: '5', WAITING_GRACE_SECONDS: '5', SESSION_STARTS_PER_10MIN: '200' });
  const { env } = live;
  const people = actors(live);

  const get = (path: string, token: string) => fetch(`${live.base}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('hides the lone English contact, and whatever would give it away, in the answer and in the CSV', async () => {
    // six Polish survivors who left the line before anyone answered
    for (let i = 0; i < 6; i++) {
      const s = await people.survivor('pl');
      expect(await ask(s.socket, 'session:end', {})).toEqual({ ok: true });
    }
    // one English survivor, answered and escalated to an emergency service
    const services = (await (await fetch(`${live.base}/api/services?language=en`)).json()) as { id: string; kind: string }[];
    const emergency = services.find((s) => s.kind === 'emergency')!.id;
    const counsellor = await people.counsellor(['en']);
    await ask(counsellor.socket, 'presence:set', { status: 'available' });
    const offer = next<{ sessionId: string }>(counsellor.socket, 'offer');
    const en = await people.survivor('en');
    expect((await offer).sessionId).toBe(en.sessionId);
    expect(await ask(counsellor.socket, 'offer:accept', { sessionId: en.sessionId })).toMatchObject({ ok: true });
    expect(await ask(counsellor.socket, 'escalation:create', { sessionId: en.sessionId, serviceId: emergency, urgency: 'routine', consent: true, details: { summary: 'asks for a call back' } }))
      .toMatchObject({ ok: true });
    expect(await ask(counsellor.socket, 'session:close', { sessionId: en.sessionId, outcome: 'supported', riskLevel: 'medium', categories: ['psychological'] })).toEqual({ ok: true });

    // all seven in the anonymised log before anything is read
    await eventually(async () => (await env.sql<{ n: number }>(`SELECT count(*)::int AS n FROM contact_log`))[0].n === 7, 30_000, 250);
    const manager = await people.staff({ role: 'manager', languages: ['en'] });
    const range = `from=${day(-1)}&to=${day()}`;

    const answer = (await (await get(`/api/stats?${range}`, manager.token)).json()) as StatsAnswer & { minCell: number };
    expect(answer).toEqual({
      from: day(-1),
      to: day(),
      minCell: 5,
      // the totals are hidden along with the English row: 7 − 6 − 0 would give the English contact away
      totals: { contacts: null, answered: null, abandoned: 6, escalated: null },
      byLanguage: {
        pl: { contacts: 6, answered: 0, abandoned: 6, escalated: 0 },
        uk: { contacts: 0, answered: 0, abandoned: 0, escalated: 0 },
        en: { contacts: null, answered: null, abandoned: 0, escalated: null },
      },
      escalationsByKind: {
        emergency: null, police: 0, 'mobile-team': 0, 'crisis-room': 0, shelter: 0, 'crisis-intervention-centre': 0, hotline: 0, 'legal-aid': 0, 'child-protection': 0,
      },
    });
    const fromAnswer = statsEquations(answer);
    expect(recoverHidden(fromAnswer.published, fromAnswer.sums)).toEqual({});

    const csv = await get(`/api/stats/csv?${range}`, manager.token);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\n')[0]).toMatch(/^# .*\* = hidden to protect people/);
    expect(text.trim().split('\n').slice(1)).toEqual([
      'language,contacts,answered,abandoned,escalated', 'pl,6,0,6,0', 'uk,0,0,0,0', 'en,*,*,0,*', 'total,*,*,6,*',
    ]);
    // the CSV shows the same figures as the answer, so it cannot give away more
    const table = statsFromCsv(text);
    expect(table).toEqual({ totals: answer.totals, byLanguage: answer.byLanguage });
    const fromCsv = statsEquations(table);
    expect(recoverHidden(fromCsv.published, fromCsv.sums)).toEqual({});
  });
});
