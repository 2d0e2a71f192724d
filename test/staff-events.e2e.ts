import { actors } from './support/actors';
import { ask, connectSurvivor, next } from './support/clients';
import { liveService } from './support/live-service';

/** Socket events of a live chat that no other file drives: a second tab, the connection notice, ends and refusals after the end. */
describe('chat events around a live chat', () => {
  const live = liveService({ OFFER_TIMEOUT_SECONDS: '30' });
  const { env, sockets } = live;
  const people = actors(live);

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await env.resetLine();
  });

  async function activeChat() {
    const c = await people.counsellor(['en'], { available: true });
    const chat = await people.activeChat(c, 'en');
    expect((chat.accepted.session as { survivorConnected: boolean }).survivorConnected).toBe(true);
    return { staff: c.socket, survivor: chat.socket, sessionId: chat.sessionId, resumeToken: chat.resumeToken };
  }

  it('ends the older tab of a survivor who resumes elsewhere, and tells the counsellor when the survivor drops and comes back', async () => {
    const { staff, survivor, sessionId, resumeToken } = await activeChat();
    const older = next<{ by: string; reason: string }>(survivor, 'session:ended');
    const tab = await connectSurvivor(live.base);
    sockets.push(tab);
    const resumed = await ask(tab, 'session:resume', { resumeToken });
    expect(resumed).toMatchObject({ ok: true, state: 'active' });
    expect(await older).toEqual({ by: 'system', reason: 'resumed-elsewhere' });
    const [row] = await env.sql<{ state: string }>(`SELECT state FROM chat_session WHERE id = $1`, [sessionId]);
    expect(row.state).toBe('active');

    const dropped = next(staff, 'session:survivor-connection');
    tab.close();
    expect(await dropped).toEqual({ sessionId, connected: false });
    const back = next(staff, 'session:survivor-connection');
    const again = await connectSurvivor(live.base);
    sockets.push(again);
    // each resume hands out the token for the next one
    expect(await ask(again, 'session:resume', { resumeToken: resumed.resumeToken })).toMatchObject({ ok: true, state: 'active' });
    expect(await back).toEqual({ sessionId, connected: true });
  });

  it('answers conflict to closing a chat twice and to a survivor\'s message after the end', async () => {
    const { staff, survivor, sessionId } = await activeChat();
    const form = { sessionId, outcome: 'supported', riskLevel: 'none', categories: [] };
    expect(await ask(staff, 'session:close', form)).toEqual({ ok: true });
    expect(await ask(staff, 'session:close', form)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ask(survivor, 'message:send', { clientId: 'late', text: 'are you there?' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
