import { actors } from './support/actors';
import { axeViolations } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { ask, eventually } from './support/clients';
import { goAvailable, signInToConsole } from './support/console-desk';

/** A counsellor's desk with more than one chat: what each chat keeps while another is on screen. */
describe('staff console: a desk with two chats', () => {
  const suite = browserSuite();
  const { env } = suite;
  const people = actors(suite);
  const survivor = () => people.survivor('en', { immediateDanger: false, forWhom: 'self', ageGroup: 'adult' });

  it('keeps each chat\'s draft and open form while the other is on screen, and counts and announces what comes meanwhile', async () => {
    const me = await env.staff({ languages: ['en'], name: 'Olena', maxChats: 2 });
    const page = await suite.page({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    const shown = page.locator('.pane:not([hidden])');
    await signInToConsole(page, suite.base, me);
    await goAvailable(page, env, me);

    const first = await survivor();
    await page.click('[data-qa="offer-accept"]');
    await shown.locator('[data-qa="message-input"]').fill('a draft for the first chat');
    await survivor();
    await page.click('[data-qa="offer-accept"]');
    await shown.locator('h2', { hasText: 'Chat 2' }).waitFor();
    // the new chat is on screen, ready to write in
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('.pane')?.querySelector('h2')?.textContent)).toBe('Chat 2 — English');
    await shown.locator('[data-qa="close-session"]').click();
    await shown.locator('[data-qa="close-outcome"]').selectOption('supported');

    await ask(first.socket, 'message:send', { clientId: 'f1', text: 'are you there?' });
    await page.locator('.chat-tab .badge', { hasText: '1' }).waitFor();
    expect(await page.locator('#announcer').innerText()).toBe('New message in chat 1.');
    expect(await page.locator('nav.sections .badge').innerText()).toBe('1');
    expect(await page.title()).toBe('(1) Prystan');

    await page.click('.chat-tab >> nth=0');
    await shown.locator('h2', { hasText: 'Chat 1' }).waitFor();
    expect(await shown.locator('[data-qa="message-input"]').inputValue()).toBe('a draft for the first chat');
    await shown.locator('[data-qa="message"][data-from="survivor"]', { hasText: 'are you there?' }).waitFor();
    await eventually(async () => (await page.locator('.chat-tab .badge').count()) === 0);
    expect(await page.title()).toBe('Prystan');
    expect(await axeViolations(page)).toEqual([]);

    await page.click('.chat-tab >> nth=1');
    await shown.locator('h2', { hasText: 'Chat 2' }).waitFor();
    expect(await shown.locator('[data-qa="close-outcome"]').inputValue()).toBe('supported');
  });
});
