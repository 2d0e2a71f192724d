import { randomBytes } from 'node:crypto';
import { actors } from './support/actors';
import { ask, connectSurvivor, eventually } from './support/clients';
import { day } from './support/days';
import { liveService } from './support/live-service';
import { recoverHidden, statsEquations } from './support/stats-attacker';

type Counts = { contacts: number | null; answered: number | null; abandoned: number | null; escalated: number | null };
type Stats = { from: string; to: string; minCell: number; totals: Counts; byLanguage: Record<string, Counts>; escalationsByKind: Record<string, number | null> };

/**
 * What the worker and the gateway do behind a chat, through the real processes: retention,
 * and the funders' statistics (risk detection has its own file, risk-detection.e2e.ts).
 */
describe('worker duties', () => {
  const live = liveService({
    OFFER_TIMEOUT_SECONDS: '30',
    WAITING_GRACE_SECONDS: '5',
    STATS_MIN_CELL: '3',
    TRANSCRIPT_RETENTION_HOURS: '0',
    SESSION_STARTS_PER_10MIN: '200',
  });
  const { env, sockets } = live;
  const people = actors(live);

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await env.resetLine();
  });

  const get = (path: string, token: string) => fetch(`${live.base}${path}`, { headers: { authorization: `Bearer ${token}` } });

  async function servicesFor(language: string): Promise<{ id: string; kind: string }[]> {
    return (await (await fetch(`${live.base}/api/services?language=${language}`)).json()) as { id: string; kind: string }[];
  }

  const messageCount = async (sessionId: string) =>
    (await env.sql<{ n: number }>(`SELECT count(*)::int AS n FROM message WHERE session_id = $1`, [sessionId]))[0].n;

  /** The worker's structured "sweep" lines, parsed. */
  const sweepLines = () => env.logs.split('\n').filter((l) => l.includes('"msg":"sweep"')).map((l) => JSON.parse(l) as Record<string, unknown>);

  /** Waits for a sweep line that reports `count`, then checks that every sweep line holds counts and nothing else. */
  async function expectSweepCounted(count: string) {
    await eventually(async () => sweepLines().some((l) => (l[count] as number) >= 1));
    for (const line of sweepLines()) {
      const { level, time, svc, pid, msg, ...counts } = line;
      expect({ level, svc, msg, time: typeof time, pid: typeof pid }).toEqual({ level: 'info', svc: 'worker', msg: 'sweep', time: 'string', pid: 'number' });
      expect(Object.keys(counts).sort()).toEqual([
        'abandoned', 'auditPurged', 'escalationDetailsPurged', 'logged', 'offersExpired', 'prompted', 'sessionsPurged', 'timedOut', 'tokensPurged', 'transcriptsPurged',
      ]);
      for (const value of Object.values(counts)) expect(Number.isInteger(value)).toBe(true);
    }
  }

  // first, so that its counts are the only contacts in the log
  describe('statistics', () => {
    it('counts escalated and abandoned contacts, by kind of service too, and exports CSV with small cells suppressed', async () => {
      const en = await servicesFor('en');
      const emergency = en.find((s) => s.kind === 'emergency')!.id;
      const centre = en.find((s) => s.kind === 'crisis-intervention-centre')!.id;
      const c = await people.counsellor(['en']);
      await ask(c.socket, 'presence:set', { status: 'available' });

      // four answered chats: escalated to a service (whatever the outcome), or with the outcome "escalated"
      const answered: [string[], string][] = [[[emergency], 'supported'], [[emergency], 'escalated'], [[emergency, centre], 'referred'], [[], 'escalated']];
      for (const [serviceIds, outcome] of answered) {
        const chat = await people.activeChat(c, 'en');
        for (const serviceId of serviceIds) {
          expect(await ask(c.socket, 'escalation:create', { sessionId: chat.sessionId, serviceId, urgency: 'routine', consent: true, details: { summary: 'asks for a call back' } }))
            .toMatchObject({ ok: true, status: 'queued', channel: 'phone' });
        }
        expect(await ask(c.socket, 'session:close', { sessionId: chat.sessionId, outcome, riskLevel: 'medium', categories: ['psychological'] })).toEqual({ ok: true });
      }
      await ask(c.socket, 'presence:set', { status: 'away' });

      // abandoned: left while waiting, left quickly, dropped and never came back; and one Ukrainian contact
      const left = await people.survivor('en');
      expect(await ask(left.socket, 'session:end', {})).toEqual({ ok: true });
      const fled = await people.survivor('en');
      expect(await ask(fled.socket, 'session:end', { reason: 'quick-exit' })).toEqual({ ok: true });
      const dropped = await people.survivor('en');
      dropped.socket.close();
      const alone = await people.survivor('uk');
      expect(await ask(alone.socket, 'session:end', {})).toEqual({ ok: true });

      const manager = await people.staff({ role: 'manager', languages: ['en'] });
      const range = `from=${day(-1)}&to=${day()}`;
      const stats = await eventually(async () => {
        const body = (await (await get(`/api/stats?${range}`, manager.token)).json()) as Stats;
        return body.totals.contacts === 8 ? body : undefined;
      }, 30_000, 250);
      expect(stats).toEqual({
        from: day(-1),
        to: day(),
        minCell: 3,
        totals: { contacts: 8, answered: 4, abandoned: 4, escalated: 4 },
        byLanguage: {
          // the lone Ukrainian contact, and what would give it away (8 − 7 − 0 = 1): a reader is left with pl 0 and uk 1, or pl 1 and uk 0
          pl: { contacts: null, answered: null, abandoned: 0, escalated: 0 },
          uk: { contacts: null, answered: 0, abandoned: null, escalated: 0 },
          en: { contacts: 7, answered: null, abandoned: null, escalated: 4 },
        },
        escalationsByKind: {
          // the one crisis-centre escalation, and a zero beside it (4 escalated − 3 = 1)
          emergency: 3, police: null, 'mobile-team': 0, 'crisis-room': 0, shelter: 0, 'crisis-intervention-centre': null, hotline: 0, 'legal-aid': 0, 'child-protection': 0,
        },
      });
      const { published, sums } = statsEquations(stats);
      expect(recoverHidden(published, sums)).toEqual({});
      const [droppedRow] = await env.sql(`SELECT 1 FROM contact_log WHERE language = 'en' AND abandoned AND ended_by = 'system'`);
      expect(droppedRow).toBeDefined();

      const csv = await get(`/api/stats/csv?${range}`, manager.token);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (await csv.text()).trim().split('\n').filter((l) => !l.startsWith('#'));
      expect(lines).toEqual(['language,contacts,answered,abandoned,escalated', 'pl,*,*,0,0', 'uk,*,0,*,0', 'en,7,*,*,4', 'total,8,4,4,4']);

      expect((await get(`/api/stats/csv?${range}`, c.token)).status).toBe(403);
      expect((await fetch(`${live.base}/api/stats/csv?${range}`)).status).toBe(401);
    });
  });

  describe('retention', () => {
    it('deletes a chat\'s transcript when it closes, and before the closing form when the survivor leaves', async () => {
      const c = await people.counsellor(['pl']);
      await ask(c.socket, 'presence:set', { status: 'available' });

      const chat = await people.activeChat(c, 'pl');
      expect(await ask(chat.socket, 'message:send', { clientId: 'a', text: 'Potrzebuję pomocy' })).toMatchObject({ ok: true });
      expect(await ask(c.socket, 'message:send', { sessionId: chat.sessionId, clientId: 'b', text: 'Jestem tutaj' })).toMatchObject({ ok: true });
      expect(await messageCount(chat.sessionId)).toBe(3);
      expect(await ask(c.socket, 'session:close', { sessionId: chat.sessionId, outcome: 'supported', riskLevel: 'low', categories: ['psychological'] })).toEqual({ ok: true });
      await eventually(async () => (await messageCount(chat.sessionId)) === 0, 15_000);
      const back = await connectSurvivor(live.base);
      sockets.push(back);
      const ended = await ask(back, 'session:resume', { resumeToken: chat.resumeToken });
      expect(ended).toMatchObject({ ok: true, state: 'ended', messages: [] });
      // a day after the end the session row itself goes, and the token finds nothing
      await eventually(async () => (await env.sql(`SELECT 1 FROM chat_session WHERE id = $1 AND logged_at IS NOT NULL`, [chat.sessionId])).length === 1, 15_000);
      await env.sql(`UPDATE chat_session SET ended_at = now() - interval '25 hours' WHERE id = $1`, [chat.sessionId]);
      await eventually(async () => (await env.sql(`SELECT 1 FROM chat_session WHERE id = $1`, [chat.sessionId])).length === 0, 20_000, 250);
      // (the token that answer moved the session to: the first one stopped working then)
      expect(await ask(back, 'session:resume', { resumeToken: ended.resumeToken })).toMatchObject({ ok: false, error: { code: 'not_found' } });

      // the survivor leaves quickly: the transcript goes although the counsellor has not filled in the form
      const quick = await people.activeChat(c, 'pl');
      expect(await ask(quick.socket, 'message:send', { clientId: 'a', text: 'Muszę kończyć' })).toMatchObject({ ok: true });
      expect(await messageCount(quick.sessionId)).toBe(2);
      expect(await ask(quick.socket, 'session:end', { reason: 'quick-exit' })).toEqual({ ok: true });
      await eventually(async () => (await messageCount(quick.sessionId)) === 0, 15_000);
      const [row] = await env.sql<{ logged_at: Date | null; outcome: string | null }>(`SELECT logged_at, outcome FROM chat_session WHERE id = $1`, [quick.sessionId]);
      expect(row).toEqual({ logged_at: null, outcome: null });
      expect(await ask(c.socket, 'session:close', { sessionId: quick.sessionId, outcome: 'dropped', riskLevel: 'high', categories: ['physical'] })).toEqual({ ok: true });
      await eventually(async () => (await env.sql(`SELECT 1 FROM chat_session WHERE id = $1 AND logged_at IS NOT NULL`, [quick.sessionId])).length === 1, 15_000);
      expect(await messageCount(quick.sessionId)).toBe(0);
    });

    it('purges consented escalation details 30 days after their last status change, and keeps younger ones', async () => {
      const marker = `DETAIL${randomBytes(6).toString('hex')}`;
      const police = (await servicesFor('pl')).find((s) => s.kind === 'police')!.id;
      const c = await people.counsellor(['pl']);
      await ask(c.socket, 'presence:set', { status: 'available' });
      const chat = await people.activeChat(c, 'pl');
      const raise = async (n: number) => {
        const created = await ask(c.socket, 'escalation:create', {
          sessionId: chat.sessionId, serviceId: police, urgency: 'immediate', consent: true, details: { summary: `${marker}-${n}`, callbackPhone: '+48 600 100 200', location: 'Lublin' },
        });
        expect(created).toMatchObject({ ok: true, status: 'queued', channel: 'phone' });
        expect(await ask(c.socket, 'escalation:phone-result', { escalationId: created.escalationId, result: 'reached' })).toMatchObject({ ok: true, status: 'delivered' });
        return created.escalationId as string;
      };
      const old = await raise(1);
      const young = await raise(2);
      const details = async (id: string) =>
        (await env.sql<{ details: Buffer | null; details_purged_at: Date | null }>(`SELECT details, details_purged_at FROM escalation WHERE id = $1`, [id]))[0];
      expect((await details(old)).details).not.toBeNull();

      await env.sql(
        `UPDATE escalation SET status_at = CASE WHEN id = $1 THEN now() - interval '31 days' ELSE now() - interval '29 days' END WHERE id IN ($1, $2)`,
        [old, young],
      );
      await eventually(async () => (await details(old)).details === null, 20_000, 250);
      expect((await details(old)).details_purged_at).not.toBeNull();
      const kept = await details(young);
      expect(kept.details).not.toBeNull();
      expect(kept.details_purged_at).toBeNull();

      // the escalation itself stays on the managers' board, without details
      const manager = await people.staff({ role: 'manager', languages: ['pl'] });
      const board = (await (await get('/api/escalations', manager.token)).json()) as { escalationId: string; status: string }[];
      expect(board.find((e) => e.escalationId === old)).toMatchObject({ status: 'delivered' });

      // the sweep said how many, and nothing else
      await expectSweepCounted('escalationDetailsPurged');
      expect(env.logs).not.toContain(marker);
      expect(env.logs).not.toContain('+48 600 100 200');
    });

    it('purges staff audit entries past AUDIT_RETENTION_DAYS, and keeps younger ones', async () => {
      const c1 = await people.counsellor(['pl']);
      const c2 = await people.counsellor(['pl']);
      await ask(c1.socket, 'presence:set', { status: 'available' });
      const a = await people.activeChat(c1, 'pl');
      await ask(c2.socket, 'presence:set', { status: 'available' });
      const b = await people.activeChat(c2, 'pl');
      const manager = await people.staff({ role: 'manager', languages: ['pl'] });
      expect(await ask(manager.socket, 'session:monitor', { sessionId: a.sessionId })).toMatchObject({ ok: true });
      expect(await ask(manager.socket, 'session:monitor', { sessionId: b.sessionId })).toMatchObject({ ok: true });

      const admin = await people.staff({ role: 'admin', languages: ['pl'] });
      const audited = async () =>
        ((await (await get('/api/admin/audit?limit=500', admin.token)).json()) as { action: string; sessionId: string }[])
          .filter((e) => e.action === 'session.monitored').map((e) => e.sessionId);
      expect((await audited()).sort()).toEqual([a.sessionId, b.sessionId].sort());

      await env.sql(
        `UPDATE staff_audit SET at = CASE WHEN session_id = $1 THEN now() - interval '366 days' ELSE now() - interval '364 days' END WHERE session_id IN ($1, $2)`,
        [a.sessionId, b.sessionId],
      );
      await eventually(async () => !(await audited()).includes(a.sessionId), 20_000, 250);
      expect(await audited()).toEqual([b.sessionId]);

      await expectSweepCounted('auditPurged');
    });
  });
});
