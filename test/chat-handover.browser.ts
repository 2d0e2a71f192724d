import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { SYSTEM_TEXT } from '@prystan/contract';
import { actors } from './support/actors';
import { ask, next } from './support/clients';
import { PHONE, shot } from './support/browser';
import { browserSuite } from './support/browser-suite';

/**
 * The survivor's page when who they talk with changes under it: a counsellor who accepts
 * while the page is reconnecting, and a counsellor who hands the chat on.
 */
describe('survivor page when the counsellor changes', () => {
  const suite = browserSuite();
  const people = actors(suite);

  /** An English-speaking counsellor on duty, by her socket and id. */
  async function counsellor(name: string) {
    const { socket, id } = await people.counsellor(['en'], { name, available: true });
    return Object.assign(socket, { staffId: id });
  }

  const phone = () => suite.page({ viewport: PHONE, locale: 'en-GB', hasTouch: true });

  const survivorWrites = async (page: Page, staff: Socket, sessionId: string, text: string) => {
    const typing = next<{ sessionId: string; isTyping: boolean }>(staff, 'typing');
    const written = next<{ text: string }>(staff, 'message', (m) => (m as { from?: string }).from === 'survivor');
    await page.locator('[data-qa="message-input"]').pressSequentially(text);
    expect(await typing).toMatchObject({ sessionId, isTyping: true });
    await page.click('[data-qa="send"]');
    expect((await written).text).toBe(text);
  };

  it('a counsellor who accepts while the page is reconnecting is kept: the older answer does not put the page back in the queue', async () => {
    const olena = await counsellor('Olena');
    const page = await phone();
    // the answer to the page's session:resume is held back, as a slow server would send it
    let hold = false;
    let released: () => void = () => undefined;
    const heldOne = new Promise<void>((resolve) => {
      void page.routeWebSocket(/\/socket\.io\//, (ws) => {
        const server = ws.connectToServer();
        server.onMessage((frame) => {
          if (hold && typeof frame === 'string' && frame.startsWith('43/chat,') && frame.includes('"state":"waiting"')) {
            hold = false;
            released = () => ws.send(frame);
            resolve();
            return;
          }
          ws.send(frame);
        });
      });
    });
    await page.goto(`${suite.base}/chat?lang=en`);
    await page.click('[data-qa="danger-no"]');
    const offer = next<{ sessionId: string }>(olena, 'offer');
    await page.click('[data-qa="start"]');
    const { sessionId } = await offer;
    await page.locator('[data-qa="position"]', { hasText: '1' }).waitFor();

    hold = true;
    await page.reload();
    await heldOne;
    // the server read the chat as still waiting; now Olena takes it, and the page is told at once
    await ask(olena, 'offer:accept', { sessionId });
    await page.locator('.status .counsellor', { hasText: 'Olena' }).waitFor();
    released();
    // the history in that older answer is shown, and the page stays with Olena
    await page.locator('[data-qa="message"][data-from="system"]').waitFor();
    expect(await page.locator('.status .counsellor').innerText()).toBe('Olena');
    expect(await page.locator('[data-qa="position"]').isVisible()).toBe(false);
    await survivorWrites(page, olena, sessionId, 'Are you still there?');
  });

  it('a chat handed to a colleague: the page waits again, says why, and then talks with the colleague', async () => {
    const olena = await counsellor('Olena');
    const page = await phone();
    await page.goto(`${suite.base}/chat?lang=en`);
    await page.click('[data-qa="danger-yes"]');
    const offer = next<{ sessionId: string }>(olena, 'offer');
    await page.click('[data-qa="start"]');
    const { sessionId } = await offer;
    await ask(olena, 'offer:accept', { sessionId });
    await page.locator('.status .counsellor', { hasText: 'Olena' }).waitFor();
    await ask(olena, 'message:send', { sessionId, clientId: 'o1', text: 'I am Olena. Is it safe to talk?' });
    await page.locator('[data-qa="message"][data-from="counsellor"]', { hasText: 'I am Olena' }).waitFor();
    await ask(olena, 'typing', { sessionId, isTyping: true });
    await page.locator('.typing', { hasText: 'Olena' }).waitFor();

    // Olena hands the chat on to Marta, who is on duty in English
    const marta = await counsellor('Marta');
    const offered = next<{ sessionId: string; transferredBy: string }>(marta, 'offer');
    await ask(olena, 'session:transfer', { sessionId, toStaffId: marta.staffId, note: 'calm now' });
    expect(await offered).toMatchObject({ sessionId, transferredBy: 'Olena' });
    await page.locator('[data-qa="message"][data-from="system"]', { hasText: SYSTEM_TEXT.transferred.en }).waitFor();
    await page.locator('h1', { hasText: 'Another counsellor will be with you soon' }).waitFor();
    await page.locator('[data-qa="position"]', { hasText: '1' }).waitFor();
    expect(await page.locator('.status .counsellor').count()).toBe(0);
    expect(await page.locator('.typing').innerText()).toBe('');
    // they said they were in danger: the emergency numbers are back in view while they wait
    expect(await page.locator('.alert a[href^="tel:"]').count()).toBeGreaterThan(0);
    await shot(page, 'chat-transferred');

    await ask(marta, 'offer:accept', { sessionId });
    await page.locator('.status .counsellor', { hasText: 'Marta' }).waitFor();
    // Olena's words keep her name; what the survivor writes now goes to Marta
    expect(await page.locator('[data-qa="message"][data-from="counsellor"] .who').allInnerTexts()).toEqual(['Olena']);
    await survivorWrites(page, marta, sessionId, 'Hello Marta');

    // after a reload, the page comes back with Marta (the resume answer names her)
    await page.reload();
    await page.locator('.status .counsellor', { hasText: 'Marta' }).waitFor();
    await page.locator('[data-qa="message"][data-from="survivor"]', { hasText: 'Hello Marta' }).waitFor();
  });

  it('keeps the chat through reloads, each moving it to a new token, and through a resume answer lost to a reload', async () => {
    const olena = await counsellor('Olena');
    const page = await phone();
    // the answer to the page's session:resume can be dropped on the wire, as a reload or a dropped network loses it
    let drop = false;
    let dropped: () => void = () => undefined;
    const droppedOne = new Promise<void>((resolve) => { dropped = resolve; });
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((frame) => {
        if (drop && typeof frame === 'string' && frame.startsWith('43/chat,') && frame.includes('"resumeToken"')) {
          drop = false;
          return dropped();
        }
        ws.send(frame);
      });
    });
    const stored = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('p.session') ?? 'null') as { token: string; next?: string } | null);
    await page.goto(`${suite.base}/chat?lang=en`);
    await page.click('[data-qa="danger-no"]');
    const offer = next<{ sessionId: string }>(olena, 'offer');
    await page.click('[data-qa="start"]');
    const { sessionId } = await offer;
    await ask(olena, 'offer:accept', { sessionId });
    await page.locator('.status .counsellor', { hasText: 'Olena' }).waitFor();
    await ask(olena, 'message:send', { sessionId, clientId: 'o1', text: 'I am here with you.' });
    await page.locator('[data-qa="message"][data-from="counsellor"]', { hasText: 'I am here' }).waitFor();

    const tokens = [(await stored())!.token];
    for (let reload = 1; reload <= 2; reload++) {
      await page.reload();
      await page.locator('[data-qa="message"][data-from="counsellor"]', { hasText: 'I am here' }).waitFor();
      await page.locator('.status .counsellor', { hasText: 'Olena' }).waitFor();
      await page.locator('#connection', { hasText: 'Connected' }).waitFor();
      // the page stores the new token before it shows the resumed chat
      const now = (await stored())!;
      expect(now.next).toBeUndefined();
      tokens.push(now.token);
    }
    expect(new Set(tokens).size).toBe(3);
    await survivorWrites(page, olena, sessionId, 'Still here after two reloads');

    // the server moves the chat to the page's proposal, but the answer never reaches the page: it reloads
    drop = true;
    await page.reload();
    await droppedOne;
    const lost = (await stored())!;
    expect(lost).toMatchObject({ token: tokens[2], next: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    await page.reload();
    // the old token is gone; the page tries the proposal it kept and is back in its chat
    await page.locator('[data-qa="message"][data-from="survivor"]', { hasText: 'Still here after two reloads' }).waitFor();
    await page.locator('.status .counsellor', { hasText: 'Olena' }).waitFor();
    expect((await stored())!.token).not.toBe(lost.next);
    expect(await page.locator('.ended').count()).toBe(0);
    await survivorWrites(page, olena, sessionId, 'And after a lost answer');
    await shot(page, 'chat-after-reloads');
  });
});
