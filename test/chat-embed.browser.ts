import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { actors } from './support/actors';
import { ask, eventually, next } from './support/clients';
import { EXIT, PHONE, shot } from './support/browser';
import { browserSuite } from './support/browser-suite';

const BLANK_EXIT = { status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><p>Sunny</p>' };

/** A Content-Security-Policy header as directive → value. */
function directives(csp: string | null | undefined): Record<string, string> {
  return Object.fromEntries((csp ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values.join(' ')];
  }));
}

/**
 * The chat embedded with /widget.js on an organisation's site served from another origin,
 * which the operator lists in EMBED_ORIGINS.
 */
describe('survivor chat embedded on a host site', () => {
  let hostServer: Server;
  let hostPort = 0;
  const hostOrigin = () => `http://127.0.0.1:${hostPort}`;

  // the host site first: the gateway's EMBED_ORIGINS names its port
  beforeAll(async () => {
    hostServer = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="pl"><head><title>Fundacja</title></head><body><h1>Strona organizacji</h1><p><a href="#">Link</a></p><script src="${suite.base}/widget.js" data-lang="pl" defer></script></body></html>`));
    hostServer.listen(0, '127.0.0.1');
    await once(hostServer, 'listening');
    hostPort = (hostServer.address() as { port: number }).port;
  });
  const suite = browserSuite({ EXIT_URL: EXIT, CHAT_PAGE_TITLE: 'Weather' }, () => ({ EMBED_ORIGINS: hostOrigin() }));
  const people = actors(suite);

  afterAll(() => {
    hostServer?.close();
  });

  /** A counsellor on duty (Olena, as the embedded page shows her), by her socket. */
  async function counsellor(languages: string[]) {
    return (await people.counsellor(languages, { name: 'Olena', available: true })).socket;
  }

  async function hostPage(options: Parameters<typeof suite.page>[0]): Promise<Page> {
    const page = await suite.page(options);
    await page.context().route('http://exit.invalid/**', (route) => route.fulfill(BLANK_EXIT));
    return page;
  }

  it('serves the survivor page framable by the listed host site only, with no referrer', async () => {
    const chat = await fetch(`${suite.base}/chat?lang=pl&embed=1`);
    const csp = directives(chat.headers.get('content-security-policy'));
    expect(csp['frame-ancestors']).toBe(`'self' ${hostOrigin()}`);
    expect(csp).toMatchObject({ 'default-src': "'none'", 'script-src': "'self'", 'connect-src': "'self'", 'base-uri': "'none'" });
    expect(chat.headers.get('referrer-policy')).toBe('no-referrer');
    expect(chat.headers.get('x-frame-options')).toBeNull();
    // the page knows the same list, to post to its host page only (never to '*')
    expect(await chat.text()).toContain(`data-embed-origins="${hostOrigin()}"`);

    // the console is never framed; the loader may be fetched cross-origin, as a script
    const console = await fetch(`${suite.base}/console`);
    expect(directives(console.headers.get('content-security-policy'))['frame-ancestors']).toBe("'none'");
    expect(console.headers.get('x-frame-options')).toBe('DENY');
    expect(console.headers.get('referrer-policy')).toBe('no-referrer');
    const widget = await fetch(`${suite.base}/widget.js`);
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(widget.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('embeds on a host page from another origin, works there, closes with Escape, and its quick exit leaves the host page', async () => {
    const staff = await counsellor(['pl']);
    const page = await hostPage({ viewport: { width: 1024, height: 800 }, locale: 'pl-PL' });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const framed = page.waitForResponse((r) => r.url().startsWith(`${suite.base}/chat?`));
    await page.goto(`${hostOrigin()}/`);
    const launcher = page.getByRole('button', { name: 'Porozmawiaj z nami' });
    await launcher.focus();
    await page.keyboard.press('Enter');
    // the frame's own document, as the browser received it
    const response = await framed;
    expect(new URL(response.url()).searchParams.get('parent')).toBe(hostOrigin());
    expect(directives(await response.headerValue('content-security-policy'))['frame-ancestors']).toBe(`'self' ${hostOrigin()}`);
    expect(await response.headerValue('referrer-policy')).toBe('no-referrer');

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
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    const origins = [`${hostOrigin()}/`, `${suite.base}/`, suite.base.replace('http', 'ws')];
    expect(requests.filter((u) => !origins.some((o) => u.startsWith(o)))).toEqual([]);

    // Escape inside the chat closes the panel (a message to the listed host origin); the launcher opens it again, conversation intact
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
    const page = await hostPage({ viewport: PHONE, locale: 'uk-UA' });
    await page.goto(`${hostOrigin()}/`);
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

  it('is not framed by a site the operator did not list: the browser refuses it by frame-ancestors', async () => {
    const page = await hostPage({});
    // Chromium reports the refusal on the embedding page's console; a chat that loads instead shows its start button
    const refused = page.waitForEvent('console', { predicate: (m) => m.type() === 'error' && /frame-ancestors/.test(m.text()), timeout: 20_000 });
    const framed = page.waitForResponse((r) => r.url().startsWith(`${suite.base}/chat?`));
    // the same page from another origin (localhost is not 127.0.0.1)
    await page.goto(`http://localhost:${hostPort}/`);
    await page.getByRole('button', { name: 'Porozmawiaj z nami' }).click();
    const response = await framed;
    expect(directives(await response.headerValue('content-security-policy'))['frame-ancestors']).toBe(`'self' ${hostOrigin()}`);
    const chatFrame = page.frameLocator('iframe[title="Czat"]');
    const outcome = await Promise.race([
      refused.then((m) => `refused: ${m.text()}`),
      chatFrame.locator('[data-qa="start"]').waitFor({ timeout: 20_000 }).then(() => 'the chat loaded in the frame'),
    ]);
    expect(outcome).toContain(`refused: Framing '${suite.base}/' violates`);
    expect(outcome).toContain(`"frame-ancestors 'self' ${hostOrigin()}"`);
    expect(outcome).toContain('has been blocked');
    // the frame is there, holding no chat
    expect(await page.locator('[data-prystan]').locator('iframe').count()).toBe(1);
    expect(await chatFrame.locator('[data-qa="start"]').count()).toBe(0);
  });
});
