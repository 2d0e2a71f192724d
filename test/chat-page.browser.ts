import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { actors } from './support/actors';
import { ask, next } from './support/clients';
import { axeViolations, EXIT, PHONE, shot } from './support/browser';
import { browserSuite } from './support/browser-suite';

const BLANK_EXIT = { status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Sunny</p>' };

/**
 * The survivor's page in Chromium on a small phone, driven like a survivor would, with a
 * counsellor played over socket.io-client. The embed has its own file (chat-embed.browser.ts).
 * The shared suite empties the line after each test (so "nobody on duty" means what it says)
 * and fails a test whose page threw a script error.
 */
describe('survivor chat page', () => {
  const suite = browserSuite({ EXIT_URL: EXIT, CHAT_PAGE_TITLE: 'Weather' });
  const people = actors(suite);

  /** A counsellor on duty; `offered` is the first offer they get (listened for before they go available). */
  /** A counsellor (Olena) going available, by her socket, with the first offer she is made. */
  async function counsellor(languages: string[]) {
    const { socket } = await people.counsellor(languages, { name: 'Olena' });
    const offered = new Promise<{ sessionId: string }>((resolve) => socket.once('offer', resolve));
    await ask(socket, 'presence:set', { status: 'available' });
    return Object.assign(socket, { offered });
  }

  async function phone(locale = 'pl-PL'): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
    const page = await suite.page({ viewport: PHONE, locale, hasTouch: true });
    const context = page.context();
    await context.route('http://exit.invalid/**', (route) => route.fulfill(BLANK_EXIT));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    return { context, page, requests };
  }

  const text = (page: Page, qa: string) => page.locator(`[data-qa="${qa}"]`).innerText();

  it('takes a survivor from triage to a conversation and back after a reload, leaving no traces', async () => {
    const staff = await counsellor(['uk']);
    const { context, page, requests } = await phone('uk-UA');
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${suite.base}/chat`);
    expect(await page.title()).toBe('Weather');
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    expect(await page.locator('[data-qa="quick-exit"]').innerText()).toContain('Швидкий вихід');
    expect(await axeViolations(page)).toEqual([]);

    await page.click('[data-qa="danger-yes"]');
    await page.locator('.alert a[href="tel:112"]').first().waitFor();
    await page.getByLabel('Мене').check();
    const offer = next<{ sessionId: string; triage: { immediateDanger: boolean; forWhom?: string } }>(staff, 'offer');
    await page.click('[data-qa="start"]');
    const { sessionId, triage } = await offer;
    expect(triage).toMatchObject({ immediateDanger: true, forWhom: 'self' });
    expect(await text(page, 'position')).toBe('Місце в черзі: 1');
    await page.locator('[data-qa="message"][data-from="system"]').waitFor();
    // the emergency numbers stay in view while they wait
    expect(await page.locator('.alert a[href^="tel:"]').count()).toBeGreaterThan(0);

    await ask(staff, 'offer:accept', { sessionId });
    await page.locator('.status .counsellor', { hasText: 'Olena' }).waitFor();
    const typing = next<{ isTyping: boolean }>(staff, 'typing');
    const fromSurvivor = next<{ text: string }>(staff, 'message', (m) => (m as { from?: string }).from === 'survivor');
    await page.locator('[data-qa="message-input"]').pressSequentially('Мені страшно');
    expect(await typing).toMatchObject({ sessionId, isTyping: true });
    await page.click('[data-qa="send"]');
    expect((await fromSurvivor).text).toBe('Мені страшно');
    await page.locator('[data-qa="message"][data-from="survivor"]:not(.pending)').waitFor();

    // typing while the counsellor types and writes: the draft and the caret stay put
    await page.locator('[data-qa="message-input"]').pressSequentially('Він');
    await ask(staff, 'typing', { sessionId, isTyping: true });
    await page.locator('.typing', { hasText: 'Olena пише…' }).waitFor();
    await ask(staff, 'message:send', { sessionId, clientId: 'c1', text: 'Я тут. Ви зараз у безпеці?' });
    await page.locator('[data-qa="message"][data-from="counsellor"]', { hasText: 'Я тут' }).waitFor();
    expect(await page.locator('.typing').innerText()).toBe('');
    await page.keyboard.type(' вдома');
    expect(await page.inputValue('[data-qa="message-input"]')).toBe('Він вдома');
    expect(await page.locator('#announcer').innerText()).toContain('Я тут');
    expect(await axeViolations(page)).toEqual([]);

    // reload: the same conversation, the same counsellor
    await page.reload();
    await page.locator('[data-qa="message"][data-from="counsellor"]', { hasText: 'Я тут' }).waitFor();
    expect(await page.locator('[data-qa="message"][data-from="survivor"]').count()).toBe(1);
    expect(await page.locator('[data-qa="message"][data-from="system"]').count()).toBe(1);
    expect(await page.locator('.status .counsellor').innerText()).toBe('Olena');
    expect(await page.locator('#connection').innerText()).toBe('З’єднано');

    // no cookie, no localStorage, no IndexedDB, no service worker, nothing from another origin
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker?.getRegistrations())?.length ?? 0)).toBe(0);
    expect(requests.filter((u) => !u.startsWith(`${suite.base}/`) && !u.startsWith(suite.base.replace('http', 'ws')))).toEqual([]);

    // nothing blocked by the page's strict CSP, no script error
    expect(problems).toEqual([]);

    // the counsellor closes: a calm closing screen with numbers, and nothing left in storage
    await ask(staff, 'session:close', { sessionId, outcome: 'supported', riskLevel: 'none', categories: [] });
    await page.locator('.ended a[href^="tel:"]').first().waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.locator('#connection').innerText()).toBe('');
  });

  it('keeps a message typed while the connection is down, through a reload, and sends it once', async () => {
    const { context, page } = await phone();
    let blocked = false;
    const open: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (blocked) return void ws.close();
      open.push(ws);
      ws.connectToServer();
    });
    await page.goto(`${suite.base}/chat?lang=en`);
    await page.click('[data-qa="danger-no"]');
    await page.click('[data-qa="start"]');
    await page.locator('[data-qa="position"]').waitFor();

    blocked = true;
    await Promise.all(open.map((ws) => ws.close()));
    await page.locator('#connection', { hasText: 'No connection' }).waitFor();
    await page.fill('[data-qa="message-input"]', 'Are you there?');
    await page.click('[data-qa="send"]');
    await page.locator('[data-qa="message"].pending', { hasText: 'Are you there?' }).waitFor();
    await page.reload();
    await page.locator('[data-qa="message"].pending', { hasText: 'Are you there?' }).waitFor();

    blocked = false;
    await page.locator('[data-qa="message"][data-from="survivor"]:not(.pending)', { hasText: 'Are you there?' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => sessionStorage.getItem('p.outbox'))).toBeNull();

    // a counsellor who takes the chat now sees the message exactly once
    const staff = await counsellor(['en']);
    const offer = await staff.offered;
    const accepted = await ask(staff, 'offer:accept', { sessionId: offer.sessionId });
    const messages = (accepted.session as { messages: { from: string; text: string }[] }).messages;
    expect(messages.filter((m) => m.from === 'survivor').map((m) => m.text)).toEqual(['Are you there?']);
    await page.locator('.status .counsellor', { hasText: 'Olena' }).waitFor();
    await ask(staff, 'session:close', { sessionId: offer.sessionId, outcome: 'test', riskLevel: 'none', categories: [] });
  });

  it('quick exit blanks the page, replaces the location, clears storage and tells the counsellor', async () => {
    const staff = await counsellor(['pl']);
    const { context, page } = await phone();
    // the neutral site answers slowly, so the page can be looked at in the moment of leaving
    await context.route('http://exit.invalid/**', async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.fulfill(BLANK_EXIT); });
    await page.goto(`${suite.base}/api/health`);
    await page.goto(`${suite.base}/chat?lang=pl`);
    await page.click('[data-qa="danger-no"]');
    const offer = next<{ sessionId: string }>(staff, 'offer');
    await page.click('[data-qa="start"]');
    const { sessionId } = await offer;
    await ask(staff, 'offer:accept', { sessionId });
    await page.locator('.status .counsellor').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBeGreaterThan(0);

    const told = next<{ sessionId: string; by: string; quickExit: boolean }>(staff, 'session:ended');
    // right after the click, in the same task: already blank, storage already empty
    expect(await page.evaluate(() => {
      document.querySelector<HTMLElement>('[data-qa="quick-exit"]')!.click();
      return { shown: document.body.children.length, stored: sessionStorage.length };
    })).toEqual({ shown: 0, stored: 0 });
    await page.waitForURL(EXIT);
    expect(await told).toMatchObject({ sessionId, by: 'survivor', quickExit: true });
    // Back goes to where they were before the chat, never to the chat
    await page.goBack();
    expect(page.url()).toBe(`${suite.base}/api/health`);
  });

  it('quick exit works on a slow connection before the chat script has even arrived', async () => {
    const { page } = await phone();
    // the chat's bundle never arrives; the tiny quick-exit script does, slowly: the button must
    // not be usable before its handler (a plain link would leave the chat in the history)
    await page.route(/\/assets\/chat\.[^/]+\.js$/, () => undefined);
    await page.route(/\/assets\/chat-exit\.[^/]+\.js$/, async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
    await page.goto(`${suite.base}/api/health`);
    await page.goto(`${suite.base}/chat?lang=uk`, { waitUntil: 'commit' });
    await page.locator('[data-qa="quick-exit"]').click();
    await page.waitForURL(EXIT);
    await page.goBack();
    expect(page.url()).toBe(`${suite.base}/api/health`);
  });

  it('leaves on Shift pressed three times, but not while typing capitals', async () => {
    const { context, page } = await phone();
    await page.goto(`${suite.base}/chat?lang=en`);
    await page.click('[data-qa="danger-no"]');
    await page.click('[data-qa="start"]');
    await page.locator('[data-qa="position"]').waitFor();
    await page.focus('[data-qa="message-input"]');
    for (const key of ['KeyA', 'KeyB', 'KeyC']) {
      await page.keyboard.down('Shift');
      await page.keyboard.press(key);
      await page.keyboard.up('Shift');
    }
    expect(await page.inputValue('[data-qa="message-input"]')).toBe('ABC');
    expect(page.url()).toContain('/chat');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL(EXIT);
  });

  it('says when nobody is on duty, shows the numbers, and lets them wait anyway', async () => {
    const { context, page } = await phone('en-GB');
    await page.goto(`${suite.base}/chat?lang=en`);
    await page.locator('.notice a[href^="tel:"]').first().waitFor();
    expect(await page.locator('.notice h2').innerText()).toBe('Right now nobody can answer in English');
    expect(await text(page, 'start')).toBe('Start the chat and wait');
    // Poland's lines that speak only Polish are there too, and say so
    expect(await page.locator('.notice a[href="tel:800120002"]').innerText()).toContain('in Polish');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-qa="danger-no"]');
    await page.click('[data-qa="start"]');
    await page.locator('[data-qa="position"]').waitFor();
    expect(await page.locator('.estimate').innerText()).toBe('We can’t say right now how long the wait will be.');
    expect(await page.locator('.chat .notice a[href^="tel:"]').count()).toBeGreaterThan(0);
    await page.click('[data-qa="end"]');
    await page.locator('.ended h1', { hasText: 'The chat has ended' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('switches language with the select and keeps it on reload, with no English left in Polish or Ukrainian', async () => {
    const { context, page } = await phone('en-GB');
    await page.goto(`${suite.base}/chat`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.selectOption('[data-qa="language"]', 'uk');
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-qa'))).toBe('language');
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    await page.click('[data-qa="danger-yes"]');
    await page.locator('.alert a[href^="tel:"]').first().waitFor();
    // language names in the select are each in their own language; everything else is Ukrainian
    const latin = (await page.locator('body').innerText()).match(/[A-Za-z]{2,}/g) ?? [];
    expect(latin.filter((w) => !['Shift', 'Polski', 'English'].includes(w))).toEqual([]);
    await page.selectOption('[data-qa="language"]', 'pl');
    const words = (await page.locator('body').innerText()).split(/[^A-Za-zÀ-ž]+/);
    expect(words.filter((w) => ['the', 'you', 'Yes', 'No', 'Start', 'chat', 'Quick', 'exit', 'Language', 'call', 'Emergency'].includes(w))).toEqual([]);
  });

  it('loads in at most 150 KB on the wire', async () => {
    const { context, page } = await phone();
    const sizes: Promise<number>[] = [];
    const decoded: Promise<number>[] = [];
    page.on('requestfinished', (r) => {
      sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
      decoded.push(r.response().then(async (res) => (await res?.body().catch(() => Buffer.alloc(0)))?.length ?? 0));
    });
    await page.goto(`${suite.base}/chat?lang=pl`, { waitUntil: 'networkidle' });
    const wire = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    const body = (await Promise.all(decoded)).reduce((a, b) => a + b, 0);
    process.stdout.write(`survivor page first load: ${(wire / 1024).toFixed(1)} KB on the wire (headers included), ${(body / 1024).toFixed(1)} KB uncompressed, ${sizes.length} requests\n`);
    expect(wire).toBeLessThanOrEqual(150 * 1024);
  });
});
