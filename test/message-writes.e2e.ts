import { ask, collect, connectStaff, connectSurvivor, login, next } from './support/clients';
import { liveService } from './support/live-service';

/** Group-committed message writes keep every promise of a single write. */
describe('message writes', () => {
  const live = liveService({ SURVIVOR_EVENTS_PER_10S: '1000', STAFF_EVENTS_PER_10S: '1000' });
  const { env, sockets } = live;


  it('stores one message for a clientId repeated at once, delivers it once, and keeps order', async () => {
    const c = await env.staff({ languages: ['pl'] });
    const staff = await connectStaff(live.base, await login(live.base, c.email, c.password));
    const survivor = await connectSurvivor(live.base);
    sockets.push(staff, survivor);
    await ask(staff, 'presence:set', { status: 'available' });
    const offer = next<{ sessionId: string }>(staff, 'offer');
    await ask(survivor, 'session:start', { language: 'pl', triage: { immediateDanger: false } });
    const { sessionId } = await offer;
    await ask(staff, 'offer:accept', { sessionId });
    const seen = collect<{ id: string; text: string }>(staff, 'message');

    // five copies of one message in flight together (they land in one batch), then 30 distinct ones
    const repeats = await Promise.all(Array.from({ length: 5 }, () => ask(survivor, 'message:send', { clientId: 'same', text: 'jedna wiadomość' })));
    expect(repeats.every((a) => a.ok)).toBe(true);
    expect(new Set(repeats.map((a) => a.id)).size).toBe(1);
    const acks = await Promise.all(Array.from({ length: 30 }, (_, i) => ask(survivor, 'message:send', { clientId: `m${i}`, text: `wiadomość ${i}` })));
    expect(acks.every((a) => a.ok)).toBe(true);
    // the marker: a message sent after all the others reaches the counsellor after any copy of them would have
    const last = next<{ text: string }>(staff, 'message', (m) => m.text === 'ostatnia');
    expect(await ask(survivor, 'message:send', { clientId: 'last', text: 'ostatnia' })).toMatchObject({ ok: true });
    await last;

    const rows = await env.sql<{ client_id: string }>(`SELECT client_id FROM message WHERE session_id = $1 AND sender = 'survivor' ORDER BY seq`, [sessionId]);
    expect(rows.map((r) => r.client_id)).toEqual(['same', ...Array.from({ length: 30 }, (_, i) => `m${i}`), 'last']);
    expect(seen.filter((m) => m.text === 'jedna wiadomość')).toHaveLength(1);
    expect(seen).toHaveLength(32);

    // a write to someone else's session in the same burst is refused on its own
    const other = await env.staff({ languages: ['pl'] });
    const intruder = await connectStaff(live.base, await login(live.base, other.email, other.password));
    sockets.push(intruder);
    const [mine, theirs] = await Promise.all([
      ask(staff, 'message:send', { sessionId, clientId: 'ok', text: 'dobrze' }),
      ask(intruder, 'message:send', { sessionId, clientId: 'no', text: 'nie' }),
    ]);
    expect(mine.ok).toBe(true);
    expect(theirs).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
