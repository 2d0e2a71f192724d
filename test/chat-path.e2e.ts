import { randomUUID } from 'node:crypto';
import { ask, collect, connectStaff, connectSurvivor, eventually, login, next } from './support/clients';
import { liveService } from './support/live-service';
import { watchRedis } from './support/redis-watch';

/**
 * The whole path as people use it: a survivor starts, a counsellor is offered the chat,
 * accepts, they talk, the survivor's connection drops and resumes, the counsellor closes.
 * Then: an anonymised record exists, and the words exist nowhere — not in PostgreSQL, not
 * in Redis, not in any log line.
 */
describe('chat path end to end', () => {
  const live = liveService({ OFFER_TIMEOUT_SECONDS: '30' });
  const { env, sockets } = live;

  /** Every row of every table in the database, as text. */
  async function dumpEveryTable(): Promise<string> {
    const tables = await env.sql<{ name: string }>(`SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
    expect(tables.length).toBeGreaterThan(5);
    const parts: string[] = [];
    for (const { name } of tables) {
      const rows = await env.sql<{ t: string }>(`SELECT row_to_json(x)::text AS t FROM ${name} x`);
      parts.push(...rows.map((r) => r.t));
    }
    return parts.join('\n');
  }


  it('offers, connects, relays both ways, resumes, closes, logs anonymously and forgets the words', async () => {
    const marker = `MARKER-${randomUUID()}`;
    const reply = `REPLY-${randomUUID()}`;
    // every command any process sends Redis while the chat lives, as it happens
    const traffic = await watchRedis(env.redisPrefix, [marker, reply]);
    const counsellor = await env.staff({ languages: ['uk'], name: 'Olena' });
    const token = await login(live.base, counsellor.email, counsellor.password);
    const staff = await connectStaff(live.base, token);
    sockets.push(staff);
    expect(await ask(staff, 'presence:set', { status: 'available' })).toEqual({ ok: true, status: 'available' });

    const survivor = await connectSurvivor(live.base);
    sockets.push(survivor);
    const offered = next<{ sessionId: string; language: string; triage: object; waitedSeconds: number; expiresInSeconds: number }>(staff, 'offer');
    const started = await ask(survivor, 'session:start', { language: 'uk', triage: { immediateDanger: false, forWhom: 'self', ageGroup: 'adult' } });
    expect(started).toMatchObject({ ok: true, position: 1 });
    expect(typeof started.sessionId).toBe('string');
    expect(typeof started.resumeToken).toBe('string');
    const sessionId = started.sessionId as string;

    const offer = await offered;
    expect(offer).toMatchObject({ sessionId, language: 'uk', triage: { immediateDanger: false, forWhom: 'self', ageGroup: 'adult' } });
    expect(offer.expiresInSeconds).toBeGreaterThan(20);
    expect(offer.expiresInSeconds).toBeLessThanOrEqual(30);

    // a message written while waiting reaches the counsellor with the history on accept
    const early = await ask(survivor, 'message:send', { clientId: 'c-1', text: `before ${marker}` });
    expect(early).toMatchObject({ ok: true });

    const assigned = next(survivor, 'session:assigned');
    const accepted = await ask(staff, 'offer:accept', { sessionId });
    expect(accepted.ok).toBe(true);
    const session = accepted.session as { sessionId: string; language: string; messages: { from: string; text: string }[] };
    expect(session.sessionId).toBe(sessionId);
    expect(session.messages.map((m) => m.from)).toEqual(['system', 'survivor']);
    expect(session.messages[1].text).toBe(`before ${marker}`);
    expect(await assigned).toEqual({ counsellorName: 'Olena', language: 'uk' });

    // survivor → counsellor, idempotent by clientId
    const toStaff = next<{ text: string; from: string; sessionId: string }>(staff, 'message', (m) => m.from === 'survivor');
    const staffSeen = collect<{ id: string }>(staff, 'message');
    const sent = await ask(survivor, 'message:send', { clientId: 'c-2', text: marker });
    expect(await toStaff).toMatchObject({ sessionId, from: 'survivor', text: marker });
    const again = await ask(survivor, 'message:send', { clientId: 'c-2', text: marker });
    expect(again.id).toBe(sent.id);

    // counsellor → survivor, and typing
    const typing = next(survivor, 'typing');
    expect(await ask(staff, 'typing', { sessionId, isTyping: true })).toEqual({ ok: true });
    expect(await typing).toEqual({ isTyping: true });
    const toSurvivor = next<{ text: string; from: string }>(survivor, 'message');
    expect(await ask(staff, 'message:send', { sessionId, clientId: 's-1', text: reply })).toMatchObject({ ok: true });
    expect(await toSurvivor).toMatchObject({ from: 'counsellor', text: reply, sessionId });

    // the survivor's connection drops; a new socket resumes with the whole history
    survivor.disconnect();
    const again2 = await connectSurvivor(live.base);
    sockets.push(again2);
    const resumed = await ask(again2, 'session:resume', { resumeToken: started.resumeToken });
    expect(resumed).toMatchObject({ ok: true, sessionId, state: 'active', counsellorName: 'Olena' });
    expect((resumed.messages as { text: string }[]).map((m) => m.text)).toEqual(expect.arrayContaining([marker, reply, `before ${marker}`]));
    const afterResume = next<{ text: string }>(staff, 'message', (m) => (m as { from?: string }).from === 'survivor');
    await ask(again2, 'message:send', { clientId: 'c-3', text: `after resume ${marker}` });
    expect((await afterResume).text).toBe(`after resume ${marker}`);
    expect(staffSeen.filter((m) => m.id === sent.id)).toHaveLength(1);

    // while the chat lives its words are in PostgreSQL only as ciphertext
    const bodies = await env.sql<{ body: Buffer }>(`SELECT body FROM message WHERE session_id = $1`, [sessionId]);
    expect(bodies.length).toBeGreaterThanOrEqual(4);
    for (const { body } of bodies) {
      expect(Buffer.isBuffer(body)).toBe(true);
      expect(body.toString('latin1')).not.toContain('MARKER-');
      expect(body.toString('utf8')).not.toContain('MARKER-');
      expect(body.toString('latin1')).not.toContain('REPLY-');
    }
    const whileLive = await dumpEveryTable();
    expect(whileLive).not.toContain(marker);
    expect(whileLive).not.toContain(reply);

    // the counsellor closes with the form; the survivor is told
    const ended = next(again2, 'session:ended');
    expect(await ask(staff, 'session:close', { sessionId, outcome: 'supported', riskLevel: 'medium', categories: ['psychological', 'economic'] })).toEqual({ ok: true });
    expect(await ended).toEqual({ by: 'counsellor' });

    const [record] = await eventually(async () => {
      const rows = await env.sql(`SELECT * FROM contact_log`);
      return rows.length ? rows : undefined;
    });
    expect(record).toMatchObject({ language: 'uk', answered: true, abandoned: false, outcome: 'supported', risk_level: 'medium', ended_by: 'counsellor' });
    expect(record.categories).toEqual(['economic', 'psychological']);
    expect(new Date(record.hour as string).getUTCMinutes()).toBe(0);
    expect(Object.values(record).join(' ')).not.toContain(sessionId);

    // the words are gone from PostgreSQL (no rows, and not in any table's text) and never were in Redis
    expect(await env.sql(`SELECT 1 FROM message WHERE session_id = $1`, [sessionId])).toHaveLength(0);
    const dump = await dumpEveryTable();
    expect(dump).toContain(counsellor.email); // the dump does reach the tables' text
    expect(dump).not.toContain(marker);
    expect(dump).not.toContain(reply);
    expect(await env.redisDump()).not.toContain(marker);
    expect(await env.redisDump()).not.toContain(reply);
    const seen = await traffic.stop();
    expect(seen.ours).toBeGreaterThan(0); // the watch did see this run's commands
    // no key, job or stream ever held them. The socket.io adapter's broadcasts (PUBLISH on
    // `<prefix>:socket.io#…`) do carry them in clear to the other gateways: stored nowhere, but
    // readable by anyone who can MONITOR or subscribe to this Redis (see docs/architecture.md).
    const adapterBroadcast = new RegExp(`^publish ${env.redisPrefix}:socket\\.io#`, 'i');
    expect(seen.found.filter((command) => !adapterBroadcast.test(command))).toEqual([]);
    expect(seen.found.length).toBeGreaterThan(0); // the watch would have caught a stored copy too
    // and no log line of either process holds the words or the resume token
    expect(env.logs).toContain('session closed');
    expect(env.logs).not.toContain(marker);
    expect(env.logs).not.toContain(reply);
    expect(env.logs).not.toContain(started.resumeToken as string);
    expect(env.logs).not.toContain(resumed.resumeToken as string);
    expect(env.logs).not.toContain(token);
    // nor any client address (every client here is 127.0.0.1)
    expect(env.logs).not.toMatch(/127\.0\.0\.1|::ffff:|"ip"|remoteAddress/);
  });
});
