import { ask, connectStaff, connectSurvivor, eventually, login, next } from './support/clients';
import { liveService } from './support/live-service';

type Offer = { sessionId: string };

/** Two gateways and two workers on one PostgreSQL and one Redis behave as one service. */
describe('several gateways and workers', () => {
  const live = liveService({ OFFER_TIMEOUT_SECONDS: '30' }, { gateways: 2, workers: 2 });
  const { env, sockets } = live;
  let gatewayA: string;
  let gatewayB: string;

  beforeAll(() => {
    [gatewayA, gatewayB] = live.bases;
  });

  it('has every gateway subscribed to the whole bus from its start', async () => {
    // three namespaces: a pattern each for broadcasts, three channels each for requests between nodes
    const complete = (c: { sub: number; psub: number }) => c.psub === 3 && c.sub === 9;
    const subscribers = await eventually(async () => {
      const clients = await env.redisClients('gateway-sub');
      return clients.length === 2 && clients.every(complete) && clients;
    }, 5000).catch(async () => env.redisClients('gateway-sub'));
    expect(subscribers).toEqual([{ sub: 9, psub: 3 }, { sub: 9, psub: 3 }]);
  });

  it('lets a survivor on one gateway and a counsellor on the other talk normally', async () => {
    const c = await env.staff({ languages: ['pl'] });
    const staff = await connectStaff(gatewayB, await login(gatewayA, c.email, c.password));
    sockets.push(staff);
    await ask(staff, 'presence:set', { status: 'available' });
    const survivor = await connectSurvivor(gatewayA);
    sockets.push(survivor);
    const offer = next<Offer>(staff, 'offer');
    const started = await ask(survivor, 'session:start', { language: 'pl', triage: { immediateDanger: false } });
    const sessionId = started.sessionId as string;
    expect((await offer).sessionId).toBe(sessionId);
    const assigned = next(survivor, 'session:assigned');
    expect((await ask(staff, 'offer:accept', { sessionId })).ok).toBe(true);
    await assigned;
    const up = next<{ text: string }>(staff, 'message');
    await ask(survivor, 'message:send', { clientId: 'a', text: 'dzień dobry' });
    expect((await up).text).toBe('dzień dobry');
    const down = next<{ text: string }>(survivor, 'message');
    await ask(staff, 'message:send', { sessionId, clientId: 'b', text: 'dzień dobry, jestem tutaj' });
    expect((await down).text).toBe('dzień dobry, jestem tutaj');
    // the survivor moves to the other gateway (a reload behind a load balancer) and keeps talking
    survivor.close();
    const moved = await connectSurvivor(gatewayB);
    sockets.push(moved);
    expect(await ask(moved, 'session:resume', { resumeToken: started.resumeToken })).toMatchObject({ ok: true, state: 'active' });
    const up2 = next<{ text: string }>(staff, 'message');
    await ask(moved, 'message:send', { clientId: 'c', text: 'wciąż tu jestem' });
    expect((await up2).text).toBe('wciąż tu jestem');
  });

  it('never offers one session to two counsellors, never assigns it twice, never exceeds maxChats', async () => {
    const counsellors = await Promise.all(Array.from({ length: 6 }, (_, i) => env.staff({ languages: ['uk'], maxChats: 1 + (i % 2) })));
    const capacity = new Map(counsellors.map((c, i) => [c.id, 1 + (i % 2)]));
    const offers: { staffId: string; sessionId: string }[] = [];
    const accepted: string[] = [];
    for (const [i, c] of counsellors.entries()) {
      const socket = await connectStaff(i % 2 ? gatewayA : gatewayB, await login(gatewayA, c.email, c.password));
      sockets.push(socket);
      socket.on('offer', (o: Offer) => {
        offers.push({ staffId: c.id, sessionId: o.sessionId });
        void ask(socket, 'offer:accept', { sessionId: o.sessionId }).then((a) => a.ok && accepted.push(o.sessionId));
      });
      await ask(socket, 'presence:set', { status: 'available' });
    }
    const total = [...capacity.values()].reduce((a, b) => a + b, 0); // 9 slots
    const survivors = await Promise.all(Array.from({ length: 14 }, (_, i) => connectSurvivor(i % 2 ? gatewayA : gatewayB)));
    sockets.push(...survivors);
    await Promise.all(survivors.map((s) => ask(s, 'session:start', { language: 'uk', triage: { immediateDanger: false }, })));
    await eventually(async () => accepted.length === total, 15_000);
    // the marker: a counsellor who comes on duty now is offered one of the sessions left, so every
    // routing pass before it is over; they hold the offer without accepting it
    const late = await env.staff({ languages: ['uk'], maxChats: 1 });
    const lateSocket = await connectStaff(gatewayA, await login(gatewayA, late.email, late.password));
    sockets.push(lateSocket);
    const lateOffer = next<Offer>(lateSocket, 'offer', undefined, 15_000);
    await ask(lateSocket, 'presence:set', { status: 'available' });
    expect(accepted).not.toContain((await lateOffer).sessionId);
    expect(accepted).toHaveLength(total);
    expect(new Set(accepted).size).toBe(total);
    expect(new Set(offers.map((o) => o.sessionId)).size).toBe(offers.length);
    const loads = await env.sql<{ counsellor_id: string; n: number }>(
      `SELECT counsellor_id, count(*)::int AS n FROM chat_session WHERE state = 'active' AND language = 'uk' GROUP BY counsellor_id`,
    );
    for (const row of loads) expect(row.n).toBeLessThanOrEqual(capacity.get(row.counsellor_id)!);
    expect(loads.reduce((a, r) => a + r.n, 0)).toBe(total);
    const [waiting] = await env.sql<{ n: number }>(`SELECT count(*)::int AS n FROM chat_session WHERE state = 'waiting' AND language = 'uk'`);
    expect(waiting.n).toBe(14 - total - 1); // one held by the late counsellor
    expect(env.logs).toContain('offer sent');
  });
});
