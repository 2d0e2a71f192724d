import { actors } from './support/actors';
import { ask, collect, connectStaff, eventually, login, next } from './support/clients';
import { liveService } from './support/live-service';

type Offer = { sessionId: string; language: string; expiresInSeconds: number };

/** Routing through the real worker: order, capacity, decline, timeout. */
describe('routing', () => {
  const live = liveService({ OFFER_TIMEOUT_SECONDS: '5' });
  const { env, sockets } = live;
  const people = actors(live);

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await env.resetLine();
  });


  it('serves immediate danger first, then children, then the rest, longest wait first within each', async () => {
    const adultOld = await people.survivor('pl', { immediateDanger: false, ageGroup: 'adult' });
    const child = await people.survivor('pl', { immediateDanger: false, ageGroup: 'child' });
    const adultNew = await people.survivor('pl', { immediateDanger: false });
    const danger = await people.survivor('pl', { immediateDanger: true });
    expect(danger.ack.position).toBe(1);

    const c = await people.counsellor(['pl'], { maxChats: 1 });
    const order: string[] = [];
    const closed: string[] = [];
    c.socket.on('offer', (offer: Offer) => {
      order.push(offer.sessionId);
      void ask(c.socket, 'offer:accept', { sessionId: offer.sessionId })
        .then(() => ask(c.socket, 'session:close', { sessionId: offer.sessionId, outcome: 'test', riskLevel: 'none', categories: [] }))
        .then((ack) => ack.ok && closed.push(offer.sessionId));
    });
    await ask(c.socket, 'presence:set', { status: 'available' });
    await eventually(async () => closed.length === 4);
    expect(order).toEqual([danger.sessionId, child.sessionId, adultOld.sessionId, adultNew.sessionId]);
  });

  it('tells waiting survivors their position as the line moves', async () => {
    const first = await people.survivor('en', { immediateDanger: false });
    const second = await people.survivor('en', { immediateDanger: false });
    expect(second.ack.position).toBe(2);
    expect(second.ack.estimatedWaitSeconds).toBeNull(); // nobody on duty in English
    const moved = next<{ position: number; estimatedWaitSeconds: number | null }>(second.socket, 'queue:position', (p) => p.position === 1);
    await ask(first.socket, 'session:end', {});
    expect((await moved).position).toBe(1);
  });

  it('offers only to counsellors who speak the language and never beyond maxChats', async () => {
    const polish = await people.counsellor(['pl'], { maxChats: 2 });
    const english = await people.counsellor(['en'], { maxChats: 1 });
    const plOffers = collect<Offer>(polish.socket, 'offer');
    const enOffers = collect<Offer>(english.socket, 'offer');
    await ask(polish.socket, 'presence:set', { status: 'available' });
    await ask(english.socket, 'presence:set', { status: 'available' });
    for (let i = 0; i < 4; i++) await people.survivor('pl', { immediateDanger: false });
    await eventually(async () => plOffers.length >= 2);
    // the marker: a counsellor who comes on duty after the four starts gets one of the two left, so the
    // routing passes those starts caused are over, and none of them went beyond maxChats
    const marker = await people.counsellor(['pl'], { maxChats: 1 });
    const markerOffer = next<Offer>(marker.socket, 'offer');
    await ask(marker.socket, 'presence:set', { status: 'available' });
    expect(plOffers.map((o) => o.sessionId)).not.toContain((await markerOffer).sessionId);
    expect(plOffers).toHaveLength(2);
    expect(enOffers).toHaveLength(0);
    const [row] = await env.sql<{ n: number }>(`SELECT count(*)::int AS n FROM chat_session WHERE counsellor_id = $1 AND state IN ('offered', 'active')`, [polish.id]);
    expect(row.n).toBe(2);
  });

  it('moves on at once after a decline, and the declined session keeps its place in the line', async () => {
    const a = await people.counsellor(['uk']);
    await ask(a.socket, 'presence:set', { status: 'available' });
    // every listener is set before the step that triggers it: the worker's offer can beat the acknowledgement
    const firstOffer = next<Offer>(a.socket, 'offer');
    const first = await people.survivor('uk', { immediateDanger: false });
    expect((await firstOffer).sessionId).toBe(first.sessionId);
    const later = await people.survivor('uk', { immediateDanger: false });
    const [before] = await env.sql<{ enqueued_at: Date }>(`SELECT enqueued_at FROM chat_session WHERE id = $1`, [first.sessionId]);

    // the decline frees a at once for the next session; the declined one is not offered straight back to a
    const nextForA = next<Offer>(a.socket, 'offer');
    expect(await ask(a.socket, 'offer:decline', { sessionId: first.sessionId })).toEqual({ ok: true });
    expect((await nextForA).sessionId).toBe(later.sessionId);
    expect(await ask(a.socket, 'offer:accept', { sessionId: first.sessionId })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // it kept its place: the next counsellor gets it, and its time in the line is unchanged
    const b = await people.counsellor(['uk']);
    const offerToB = next<Offer>(b.socket, 'offer');
    await ask(b.socket, 'presence:set', { status: 'available' });
    expect((await offerToB).sessionId).toBe(first.sessionId);
    const [after] = await env.sql<{ enqueued_at: Date }>(`SELECT enqueued_at FROM chat_session WHERE id = $1`, [first.sessionId]);
    expect(after.enqueued_at).toEqual(before.enqueued_at);
  });

  it('withdraws an unanswered offer after the timeout, sets that counsellor away and offers the next', async () => {
    const slow = await people.counsellor(['en']);
    await ask(slow.socket, 'presence:set', { status: 'available' });
    const offered = next<Offer>(slow.socket, 'offer');
    const s = await people.survivor('en', { immediateDanger: false });
    const offer = await offered;
    expect(offer.expiresInSeconds).toBeLessThanOrEqual(5);
    const other = await people.counsellor(['en']);
    await ask(other.socket, 'presence:set', { status: 'available' });
    const withdrawn = next<{ sessionId: string; reason: string }>(slow.socket, 'offer:withdrawn');
    const away = next<{ status: string }>(slow.socket, 'presence', (p) => p.status === 'away');
    const reoffer = await next<Offer>(other.socket, 'offer', undefined, 12_000);
    expect(reoffer.sessionId).toBe(s.sessionId);
    expect(await withdrawn).toMatchObject({ sessionId: s.sessionId, reason: 'timeout' });
    await away;
    expect(await ask(slow.socket, 'offer:accept', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const [row] = await env.sql<{ presence: string }>(`SELECT presence FROM staff WHERE id = $1`, [slow.id]);
    expect(row.presence).toBe('away');
  });

  it('gives managers the live queue status over the socket and over HTTP', async () => {
    const manager = await env.staff({ role: 'manager', languages: ['pl'] });
    const token = await login(live.base, manager.email, manager.password);
    const socket = await connectStaff(live.base, token);
    sockets.push(socket);
    const updated = next<{ languages: Record<string, { waiting: number; priorityWaiting: number }> }>(socket, 'queue:status', (s) => s.languages.pl.waiting === 1, 8000);
    await people.survivor('pl', { immediateDanger: true });
    const status = await updated;
    expect(status.languages.pl.priorityWaiting).toBe(1);
    const http = await fetch(`${live.base}/api/queue`, { headers: { authorization: `Bearer ${token}` } });
    expect(http.status).toBe(200);
    const body = (await http.json()) as { languages: Record<string, Record<string, number>> };
    expect(Object.keys(body.languages).sort()).toEqual(['en', 'pl', 'uk']);
    expect(body.languages.pl).toMatchObject({ waiting: 1, priorityWaiting: 1 });
    expect(body.languages.pl.longestWaitSeconds).toBeGreaterThanOrEqual(0);
  });
});
