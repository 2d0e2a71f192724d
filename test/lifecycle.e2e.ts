import IORedis from 'ioredis';
import { actors } from './support/actors';
import { ask, connectStaff, connectSurvivor, eventually, login, next } from './support/clients';
import { liveService } from './support/live-service';

type Offer = { sessionId: string };

/** How sessions end without a form, and what survives an empty Redis. */
describe('session lifecycle and recovery', () => {
  const live = liveService({
    OFFER_TIMEOUT_SECONDS: '30',
    WAITING_GRACE_SECONDS: '5',
    INACTIVITY_PROMPT_SECONDS: '5',
    INACTIVITY_CLOSE_SECONDS: '10',
  });
  const { env, sockets } = live;
  const people = actors(live);

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await env.resetLine();
  });

  const session = async (id: string) =>
    (await env.sql<{ state: string; ended_by: string | null; survivor_disconnected_at: Date | null }>(
      `SELECT state, ended_by, survivor_disconnected_at FROM chat_session WHERE id = $1`, [id],
    ))[0];

  /** A survivor in an active chat with a counsellor who came on duty for it. */
  async function activeChat(language = 'en') {
    const c = await people.counsellor([language], { available: true });
    const chat = await people.activeChat(c, language);
    return { c, survivor: chat.socket, sessionId: chat.sessionId, resumeToken: chat.resumeToken };
  }

  it('tells the counsellor the survivor left quickly, and still takes the closing form', async () => {
    const { c, survivor, sessionId } = await activeChat();
    const ended = next<{ sessionId: string; by: string; quickExit: boolean }>(c.socket, 'session:ended');
    expect(await ask(survivor, 'session:end', { reason: 'quick-exit' })).toEqual({ ok: true });
    expect(await ended).toEqual({ sessionId, by: 'survivor', quickExit: true });
    expect(await ask(c.socket, 'message:send', { sessionId, clientId: 'x', text: 'hello?' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask(c.socket, 'session:close', { sessionId, outcome: 'dropped', riskLevel: 'high', categories: ['physical'] })).toEqual({ ok: true });
    const [row] = await eventually(async () => {
      const rows = await env.sql(`SELECT * FROM contact_log WHERE quick_exit`);
      return rows.length ? rows : undefined;
    });
    expect(row).toMatchObject({ outcome: 'dropped', risk_level: 'high', ended_by: 'survivor', answered: true });
  });

  it('counts a waiting survivor who dropped and did not come back as abandoned', async () => {
    const survivor = await connectSurvivor(live.base);
    const started = await ask(survivor, 'session:start', { language: 'uk', triage: { immediateDanger: false } });
    survivor.close();
    await eventually(async () => {
      const [s] = await env.sql<{ state: string; ended_by: string }>(`SELECT state, ended_by FROM chat_session WHERE id = $1`, [started.sessionId]);
      return s?.state === 'ended' && s.ended_by === 'system';
    }, 20_000);
    await eventually(async () => (await env.sql(`SELECT 1 FROM contact_log WHERE abandoned AND language = 'uk'`)).length === 1, 10_000);
  });

  it('keeps a waiting survivor who comes back within the grace period', async () => {
    const survivor = await connectSurvivor(live.base);
    const started = await ask(survivor, 'session:start', { language: 'pl', triage: { immediateDanger: false } });
    survivor.close();
    await eventually(async () => (await session(started.sessionId as string)).survivor_disconnected_at !== null);
    const back = await connectSurvivor(live.base);
    sockets.push(back);
    expect(await ask(back, 'session:resume', { resumeToken: started.resumeToken })).toMatchObject({ ok: true, state: 'waiting', position: 1 });
    // the marker: a survivor who drops after the first one did and does not come back. The sweep that
    // ends the marker's wait would have ended the first one's too, had the return not counted.
    const marker = await connectSurvivor(live.base);
    const gone = await ask(marker, 'session:start', { language: 'pl', triage: { immediateDanger: false } });
    marker.close();
    await eventually(async () => (await session(gone.sessionId as string)).state === 'ended', 25_000, 250);
    expect(await session(started.sessionId as string)).toMatchObject({ state: 'waiting', survivor_disconnected_at: null });
    await ask(back, 'session:end', {});
  });

  it('prompts a silent chat, then closes it as timeout', async () => {
    const { c, survivor, sessionId } = await activeChat();
    const prompt = await next<{ from: string; text: string }>(survivor, 'message', (m) => m.from === 'system', 15_000);
    expect(prompt.text).toMatch(/still there/);
    const staffEnded = next<{ by: string }>(c.socket, 'session:ended', undefined, 15_000);
    expect(await next<{ by: string }>(survivor, 'session:ended', undefined, 15_000)).toEqual({ by: 'timeout' });
    expect((await staffEnded).by).toBe('timeout');
    expect(await ask(c.socket, 'session:close', { sessionId, outcome: 'dropped', riskLevel: 'none', categories: [] })).toEqual({ ok: true });
  });

  it('re-queues waiting sessions and keeps live chats going after Redis loses everything', async () => {
    const chat = await activeChat('pl');
    const waiting = await connectSurvivor(live.base);
    sockets.push(waiting);
    const queued = await ask(waiting, 'session:start', { language: 'uk', triage: { immediateDanger: false } });

    // what a restart of a Redis that keeps nothing on disk does to this run: every key gone, every connection dropped
    const redis = new IORedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${env.redisPrefix}*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    const clients = (await redis.client('LIST')) as string;
    const ours = clients.split('\n').filter((line) => line.includes(`name=${env.redisPrefix}:`));
    expect(ours.length).toBeGreaterThan(3);
    for (const line of ours) await redis.client('KILL', 'ID', /id=(\d+)/.exec(line)![1]);

    // the gateway, its bus subscriber back, makes its clients reconnect to catch up on what the bus
    // may have dropped meanwhile (docs/architecture.md, "Shutdown and recovery"); they come back as the pages do
    await eventually(async () => !chat.survivor.connected && !chat.c.socket.connected && !waiting.connected, 10_000);
    const survivor = await connectSurvivor(live.base);
    sockets.push(survivor);
    expect(await ask(survivor, 'session:resume', { resumeToken: chat.resumeToken })).toMatchObject({ ok: true, state: 'active' });
    // the waiting survivor's page comes back too (else, on a slow run, the abandonment grace ends the wait first)
    const stillWaiting = await connectSurvivor(live.base);
    sockets.push(stillWaiting);
    expect(await ask(stillWaiting, 'session:resume', { resumeToken: queued.resumeToken })).toMatchObject({ ok: true, state: 'waiting' });
    const staff = await connectStaff(live.base, await login(live.base, chat.c.email, chat.c.password));
    sockets.push(staff);

    // the live chat goes on
    const down = next<{ text: string }>(survivor, 'message', undefined, 10_000);
    expect(await ask(staff, 'message:send', { sessionId: chat.sessionId, clientId: 'after', text: 'nadal tu jestem' })).toMatchObject({ ok: true });
    expect((await down).text).toBe('nadal tu jestem');

    // the waiting survivor is still in the line and reaches a counsellor who arrives now
    const c2 = await people.counsellor(['uk']);
    const offer = next<Offer>(c2.socket, 'offer', undefined, 15_000);
    await ask(c2.socket, 'presence:set', { status: 'available' });
    expect((await offer).sessionId).toBe(queued.sessionId);
    // and the sweep's schedule is back
    await eventually(async () => (await redis.keys(`${env.redisPrefix}:bull:maintenance:*`)).length > 0, 10_000);
    redis.disconnect();
  });

  it('sets a counsellor away when all their connections have been gone for 20 seconds, and their offers go back to the line', async () => {
    const c = await people.counsellor(['en']);
    await ask(c.socket, 'presence:set', { status: 'available' });
    const offered = next<Offer>(c.socket, 'offer');
    const survivor = await connectSurvivor(live.base);
    sockets.push(survivor);
    const started = await ask(survivor, 'session:start', { language: 'en', triage: { immediateDanger: false } });
    expect((await offered).sessionId).toBe(started.sessionId);
    c.socket.close();
    const goneAt = Date.now();
    // another counsellor comes on duty: the offer held by the one who left reaches them only once that one is set away
    const other = await people.counsellor(['en']);
    const handedBack = next<Offer>(other.socket, 'offer', undefined, 35_000);
    await ask(other.socket, 'presence:set', { status: 'available' });
    expect((await handedBack).sessionId).toBe(started.sessionId);
    const waited = Date.now() - goneAt;
    expect(waited).toBeGreaterThanOrEqual(19_000); // not at once
    expect(waited).toBeLessThan(29_000); // and not the offer's own 30-second timeout
    const [row] = await env.sql<{ presence: string }>(`SELECT presence FROM staff WHERE id = $1`, [c.id]);
    expect(row.presence).toBe('away');
  });
});
