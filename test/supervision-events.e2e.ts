import type { Socket } from 'socket.io-client';
import { actors } from './support/actors';
import { ask, collect, connectStaff, eventually, next } from './support/clients';
import { liveService } from './support/live-service';

type Offer = { sessionId: string; language: string; transferredBy?: string };
type Withdrawn = { sessionId: string; reason: string };

/** Offers taken back, chats moved between counsellors and lines, and a manager who stops following a chat. */
describe('supervision and offer events', () => {
  const live = liveService({ OFFER_TIMEOUT_SECONDS: '30' });
  const { env, sockets } = live;
  const people = actors(live);

  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await env.resetLine();
  });

  /** A survivor whose chat is offered to `to` (the only one available in the language). */
  async function offeredTo(to: Socket, language = 'en') {
    const offer = next<Offer>(to, 'offer');
    const { socket: survivor, sessionId } = await people.survivor(language);
    expect((await offer).sessionId).toBe(sessionId);
    return { survivor, sessionId };
  }

  const stateOf = async (sessionId: string) =>
    (await env.sql<{ state: string; language: string }>(`SELECT state, language FROM chat_session WHERE id = $1`, [sessionId]))[0];

  it('hands back an offer held by a counsellor who goes away, and by one who goes offline', async () => {
    const first = await people.counsellor(['en'], { available: true });
    const { sessionId } = await offeredTo(first.socket);
    const second = await people.counsellor(['en'], { available: true });

    const withdrawn = next<Withdrawn>(first.socket, 'offer:withdrawn');
    const toSecond = next<Offer>(second.socket, 'offer');
    expect(await ask(first.socket, 'presence:set', { status: 'away' })).toMatchObject({ ok: true, status: 'away' });
    expect(await withdrawn).toEqual({ sessionId, reason: 'presence' });
    expect((await toSecond).sessionId).toBe(sessionId);

    const again = next<Withdrawn>(second.socket, 'offer:withdrawn');
    expect(await ask(second.socket, 'presence:set', { status: 'offline' })).toMatchObject({ ok: true, status: 'offline' });
    expect(await again).toEqual({ sessionId, reason: 'presence' });
    // nobody is available now: the survivor is back in the line
    await eventually(async () => (await stateOf(sessionId)).state === 'waiting');
  });

  it('withdraws an offer when the survivor leaves before it is taken', async () => {
    const c = await people.counsellor(['en'], { available: true });
    const { survivor, sessionId } = await offeredTo(c.socket);
    const withdrawn = next<Withdrawn>(c.socket, 'offer:withdrawn');
    expect(await ask(survivor, 'session:end', {})).toMatchObject({ ok: true });
    expect(await withdrawn).toEqual({ sessionId, reason: 'ended' });
  });

  it('lets a manager reassign an offered session to a named counsellor, taking it back from the first', async () => {
    const first = await people.counsellor(['en'], { available: true });
    const { sessionId } = await offeredTo(first.socket);
    const second = await people.counsellor(['en'], { available: true });
    const supervisor = (await people.staff({ role: 'manager' })).socket;

    const withdrawn = next<Withdrawn>(first.socket, 'offer:withdrawn');
    const offered = next<Offer>(second.socket, 'offer');
    const moved = await ask(supervisor, 'session:reassign', { sessionId, toStaffId: second.id });
    expect(moved).toEqual({ ok: true, sessionId, state: 'offered', language: 'en' });
    expect(await withdrawn).toEqual({ sessionId, reason: 'reassigned' });
    expect(await offered).toMatchObject({ sessionId, language: 'en', transferredBy: expect.any(String) });
    expect((await ask(second.socket, 'offer:accept', { sessionId })).ok).toBe(true);
    // a counsellor cannot reassign
    expect(await ask(first.socket, 'session:reassign', { sessionId, toLanguage: 'pl' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('transfers an active chat to another language\'s line: every tab of the counsellor drops it, the survivor is told, a counsellor of that line is offered it', async () => {
    const c = await people.counsellor(['en', 'pl'], { available: true });
    const otherTab = await connectStaff(live.base, c.token);
    sockets.push(otherTab);
    const { survivor, sessionId } = await offeredTo(c.socket);
    expect((await ask(c.socket, 'offer:accept', { sessionId })).ok).toBe(true);

    const inThisTab = next(c.socket, 'session:transferred');
    const inOtherTab = next(otherTab, 'session:transferred');
    const toSurvivor = next(survivor, 'session:transferred');
    const moved = await ask(c.socket, 'session:transfer', { sessionId, toLanguage: 'pl' });
    expect(moved).toMatchObject({ ok: true, sessionId, language: 'pl' });
    expect(await inThisTab).toEqual({ sessionId, toStaffId: null, toLanguage: 'pl' });
    expect(await inOtherTab).toEqual({ sessionId, toStaffId: null, toLanguage: 'pl' });
    expect(await toSurvivor).toEqual({ language: 'pl' });
    expect((await stateOf(sessionId)).language).toBe('pl');

    const polish = await people.counsellor(['pl']);
    const offered = next<Offer>(polish.socket, 'offer');
    await ask(polish.socket, 'presence:set', { status: 'available' });
    expect(await offered).toMatchObject({ sessionId, language: 'pl' });
  });

  it('stops sending a chat to a manager who unmonitors it, but never takes the counsellor out of their own chat', async () => {
    const c = await people.counsellor(['en'], { available: true });
    const { survivor, sessionId } = await offeredTo(c.socket);
    expect((await ask(c.socket, 'offer:accept', { sessionId })).ok).toBe(true);
    const supervisor = (await people.staff({ role: 'manager' })).socket;
    expect(await ask(supervisor, 'session:monitor', { sessionId })).toMatchObject({ ok: true, session: { sessionId } });
    const seen = collect<{ text: string }>(supervisor, 'message');

    const first = next<{ text: string }>(supervisor, 'message', (m) => m.text === 'first');
    await ask(survivor, 'message:send', { clientId: 'a', text: 'first' });
    await first;

    expect(await ask(supervisor, 'session:unmonitor', { sessionId })).toEqual({ ok: true });
    expect(await ask(c.socket, 'session:unmonitor', { sessionId })).toEqual({ ok: true });
    const toCounsellor = next<{ text: string }>(c.socket, 'message', (m) => m.text === 'unseen');
    await ask(survivor, 'message:send', { clientId: 'b', text: 'unseen' });
    // the counsellor still follows their own chat
    await toCounsellor;

    // the marker: following again, the manager reads the unseen message in the history and gets the next live one
    const again = await ask(supervisor, 'session:monitor', { sessionId });
    expect((again.session as { messages: { text: string }[] }).messages.map((m) => m.text)).toContain('unseen');
    const third = next<{ text: string }>(supervisor, 'message', (m) => m.text === 'third');
    await ask(survivor, 'message:send', { clientId: 'c', text: 'third' });
    await third;
    expect(seen.map((m) => m.text)).toEqual(['first', 'third']);
  });
});
