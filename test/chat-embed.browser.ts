import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { BrowserContext } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { ask, connectStaff, eventually, login, next } from './support/clients';
import { TestEnvironment } from './support/environment';
import { EXIT, launchBrowser, PHONE, shot, type Browser } from './support/browser';

const BLANK_EXIT = { status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Sunny</p>' };

/**
 * The chat embedded with /widget.js on an organisation's site served from another origin,
 * which the operator lists in EMBED_ORIGINS.
 */
describe('survivor chat embedded on a host site', () => {
  const env = new TestEnvironment({ EXIT_URL: EXIT, CHAT_PAGE_TITLE: 'Weather' });
  let base: string;
  let browser: Browser;
  let hostServer: Server;
  let hostPort: number;
  const sockets: Socket[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    hostServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="pl"><head><title>Fundacja</title></head><body><h1>Strona organizacji</h1><p><a href="#">Link</a></p><script src="${base}/widget.js" data-lang="pl" defer></script></body></html>`));
    hostServer.listen(0, '127.0.0.1');
    await once(hostServer, 'listening');
    hostPort = (hostServer.address() as { port: number }).port;
    await env.setUp();
    base = await env.gateway({ EMBED_ORIGINS: `http://127.0.0.1:${hostPort}` });
    await env.worker();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
    for (const socket of sockets.splice(0)) {
      await ask(socket, 'presence:set', { status: 'offline' }).catch(() => undefined);
      socket.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    hostServer?.close();
    await env.tearDown();
  });

  async function counsellor(languages: string[]) {
    const s = await env.staff({ languages, name: 'Olena' });
    const socket = await connectStaff(base, await login(base, s.email, s.password));
    sockets.push(socket);
    await ask(socket, 'presence:set', { status: 'available' });
    return socket;
  }

  it('embeds on a host page from another origin, works there, closes with Escape, and its quick exit leaves the host page', async () => {
    const staff = await counsellor(['pl']);
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'pl-PL' });
    contexts.push(context);
    await context.route('http://exit.invalid/**', (route) => route.fulfill(BLANK_EXIT));
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`http://127.0.0.1:${hostPort}/`);
    const launcher = page.getByRole('button', { name: 'Porozmawiaj z nami' });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const frame = page.frameLocator('iframe[title="Czat"]');
    await frame.locator('[data-qa="danger-no"]').click();
    const offer = next<{ sessionId: string }>(staff, 'offer');
    await frame.locator('[data-qa="start"]').click();
    const { sessionId } = await offer;
    await ask(staff, 'offer:accept', { sessionId });
    await frame.locator('.status .counsellor').waitFor();
    await ask(staff, 'message:send', { sessionId, clientId: 'e1', text: 'Dzień dobry, jestem tutaj.' });
    await frame.locator('[data-qa="message"][data-from="counsellor"]').waitFor();
    await shot(page, 'embed-pl-chat', false);

    // the host page cannot reach into the widget or the chat
    expect(await page.evaluate(() => { try { return String(window.frames[0].document.body.innerText); } catch { return 'blocked'; } })).toBe('blocked');
    expect(await page.evaluate(() => (document.querySelector('[data-prystan]')!.shadowRoot!.querySelector('iframe') as HTMLIFrameElement).contentDocument)).toBeNull();
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    const origins = [`http://127.0.0.1:${hostPort}/`, `${base}/`, base.replace('http', 'ws')];
    expect(requests.filter((u) => !origins.some((o) => u.startsWith(o)))).toEqual([]);

    // Escape inside the chat closes the panel; the launcher opens it again, conversation intact
    await frame.locator('[data-qa="message-input"]').focus();
    await page.keyboard.press('Escape');
    await eventually(async () => (await page.locator('iframe[title="Czat"]').isHidden()) || undefined);
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await launcher.click();
    await frame.locator('[data-qa="message"][data-from="counsellor"]').waitFor();

    const told = next<{ quickExit: boolean }>(staff, 'session:ended');
    await frame.locator('[data-qa="quick-exit"]').click();
    await page.waitForURL(EXIT);
    expect(await told).toMatchObject({ quickExit: true });
  });

  it('in the embed, Shift pressed three times on the host page is quick exit too', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'uk-UA' });
    contexts.push(context);
    await context.route('http://exit.invalid/**', (route) => route.fulfill(BLANK_EXIT));
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${hostPort}/`);
    await page.getByRole('button', { name: 'Porozmawiaj z nami' }).click();
    const frame = page.frameLocator('iframe[title="Czat"]');
    await frame.locator('[data-qa="danger-no"]').click();
    await frame.locator('[data-qa="start"]').click();
    await frame.locator('[data-qa="position"]').waitFor();
    await shot(page, 'embed-pl-phone-waiting', false);
    // on a phone the panel covers the host page; put the keyboard focus back on the host page
    await page.locator('a').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL(EXIT);
  });

  it('is not framed by a site the operator did not list', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    // the same page from another origin (localhost is not 127.0.0.1): CSP frame-ancestors refuses it
    await page.goto(`http://localhost:${hostPort}/`);
    await page.getByRole('button', { name: 'Porozmawiaj z nami' }).click();
    await page.waitForTimeout(500);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(await framed?.locator('[data-qa="start"]').count().catch(() => 0) ?? 0).toBe(0);
  });
});
