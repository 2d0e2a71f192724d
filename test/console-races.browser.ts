import type { Page, WebSocketRoute } from 'playwright-core';
import { actors } from './support/actors';
import { ask, eventually } from './support/clients';
import type { StaffLogin } from './support/environment';
import { browserSuite } from './support/browser-suite';
import { goAvailable, signInToConsole } from './support/console-desk';

const DESK = { width: 1280, height: 860 };

/**
 * The console when the server's answers and its events cross: each test holds one answer
 * back on the wire (as a slow server would send it) and lets the events through first.
 */
describe('staff console when answers and events cross', () => {
  const suite = browserSuite();
  const { env } = suite;
  const people = actors(suite);

  /** The console page with its socket.io traffic passing through the test: `hold` keeps back the first server frame it matches. */
  async function desk() {
    const page = await suite.page({ viewport: DESK, locale: 'en-GB' });
    const passed: string[] = [];
    const routes: WebSocketRoute[] = [];
    let match: ((frame: string) => boolean) | undefined;
    let held: { frame: string; to: WebSocketRoute } | undefined;
    let heard: () => void = () => undefined;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      routes.push(ws);
      const server = ws.connectToServer();
      server.onMessage((frame) => {
        const text = typeof frame === 'string' ? frame : frame.toString();
        if (match && match(text)) {
          match = undefined;
          held = { frame: text, to: ws };
          heard();
          return;
        }
        passed.push(text);
        ws.send(frame);
      });
    });
    return {
      page,
      passed,
      hold(matcher: (frame: string) => boolean): Promise<void> {
        match = matcher;
        return new Promise<void>((resolve) => { heard = resolve; });
      },
      release(): void {
        if (held) held.to.send(held.frame);
        held = undefined;
      },
      /** Drops the page's connection (a network blip); socket.io reconnects by itself. */
      drop(): Promise<void> {
        return Promise.all(routes.splice(0).map((ws) => ws.close())).then(() => undefined);
      },
    };
  }

  /** Signed in, with the console's socket up (it has had its first answer). */
  async function signIn(wire: { page: Page; passed: string[] }, who: StaffLogin): Promise<void> {
    const { page } = wire;
    await signInToConsole(page, suite.base, who);
    await eventually(async () => wire.passed.some((f) => f.startsWith('43/staff,')));
  }

  /** A survivor who starts a chat, as the chat page's triage sends it. */
  const survivor = (language: string) => people.survivor(language, { immediateDanger: false, forWhom: 'self', ageGroup: 'adult' });

  it('keeps what the survivor did between the server taking the chat for the counsellor and its answer: a message, a quick exit', async () => {
    const me = await env.staff({ languages: ['en'], name: 'Olena' });
    const wire = await desk();
    const { page } = wire;
    await signIn(wire, me);
    await goAvailable(page, env, me);
    const { socket } = await survivor('en');
    await page.locator('[data-qa="offer-accept"]').waitFor();

    const acceptAnswer = wire.hold((f) => f.startsWith('43/staff,') && f.includes('"session":{"sessionId"'));
    await page.click('[data-qa="offer-accept"]');
    await acceptAnswer;
    expect((await ask(socket, 'message:send', { clientId: 'c1', text: 'he is coming back' })).ok).toBe(true);
    expect((await ask(socket, 'session:end', { reason: 'quick-exit' })).ok).toBe(true);
    // both events have reached the page before the answer does
    await eventually(async () => wire.passed.some((f) => f.includes('he is coming back')) && wire.passed.some((f) => f.includes('"quickExit":true')));
    wire.release();

    await page.locator('[data-qa="message"][data-from="survivor"]', { hasText: 'he is coming back' }).waitFor();
    await page.locator('[data-qa="quick-exit-banner"]').waitFor();
    expect(await page.locator('[data-qa="message-input"]').count()).toBe(0);
  });

  it('an offer that arrives while the list of my chats is on its way is not taken away by that older list', async () => {
    const me = await env.staff({ languages: ['en'], name: 'Olena' });
    const wire = await desk();
    const { page } = wire;
    await signIn(wire, me);
    await goAvailable(page, env, me);

    // a network blip: the console asks for its chats again on reconnecting; that answer is held
    const list = wire.hold((f) => f.startsWith('43/staff,') && f.includes('"offers":[]'));
    await wire.drop();
    await list;
    const { socket } = await survivor('en');
    await page.locator('[data-qa="offer-accept"]').waitFor();
    wire.release();
    // a marker behind the older list on the same wire: a risk flag on the offer, which the page
    // shows on the offer's card only while it still has that card. Once it shows, the older list
    // (no offers) has been handled; the card stays, and accepting opens the chat
    expect((await ask(socket, 'message:send', { clientId: 'm1', text: 'he said he would kill me' })).ok).toBe(true);
    await page.locator('.offers .banner.risk').waitFor();
    expect(await page.locator('[data-qa="offer-accept"]').count()).toBe(1);
    await page.click('[data-qa="offer-accept"]');
    await page.locator('[data-qa="message-input"]').waitFor();
  });

  it('a duty manager following a chat keeps receiving it after their connection drops and comes back', async () => {
    const manager = await env.staff({ role: 'manager', name: 'Dorota', languages: ['en'] });
    const wire = await desk();
    const { page } = wire;
    await signIn(wire, manager);
    await page.locator('[data-qa="queue-en-waiting"]').waitFor();
    const { socket, sessionId } = await survivor('en');
    await page.locator('.live-sessions button:has-text("Follow")').click();
    await page.locator('.monitor h2').waitFor();
    await ask(socket, 'message:send', { clientId: 'm1', text: 'first words' });
    await page.locator('.monitor [data-qa="monitor-message"]', { hasText: 'first words' }).waitFor();

    await wire.drop();
    await page.locator('.monitor [data-qa="monitor-message"]', { hasText: 'first words' }).waitFor();
    // back online: the page follows the same chat again (and the server records that too)
    await eventually(async () => (await env.sql(`SELECT 1 FROM staff_audit WHERE action = 'session.monitored' AND session_id = $1 AND staff_id = $2`, [sessionId, manager.id])).length === 2);
    await ask(socket, 'message:send', { clientId: 'm2', text: 'after the blip' });
    await page.locator('.monitor [data-qa="monitor-message"]', { hasText: 'after the blip' }).waitFor();
    expect(await page.locator('.monitor [data-qa="monitor-message"]', { hasText: 'first words' }).count()).toBe(1);
  });

  it('a chat accepted in one tab opens in the counsellor\'s other tab too, and its offer card goes there', async () => {
    const me = await env.staff({ languages: ['en'], name: 'Olena', maxChats: 2 });
    const one = await desk();
    const two = await desk();
    await signIn(one, me);
    await signIn(two, me);
    await goAvailable(one.page, env, me);
    const { socket } = await survivor('en');
    await one.page.locator('[data-qa="offer-accept"]').waitFor();
    await two.page.locator('[data-qa="offer-accept"]').waitFor();
    await one.page.click('[data-qa="offer-accept"]');
    await one.page.locator('[data-qa="message-input"]').waitFor();
    await two.page.locator('[data-qa="message-input"]').waitFor();
    expect(await two.page.locator('[data-qa="offer-accept"]').count()).toBe(0);
    await ask(socket, 'message:send', { clientId: 'c1', text: 'hello both' });
    for (const { page } of [one, two]) await page.locator('[data-qa="message"][data-from="survivor"]', { hasText: 'hello both' }).waitFor();
  });
});
