import type { BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { ask, connectStaff, connectSurvivor, login, next } from './support/clients';
import { TestEnvironment } from './support/environment';
import { axeViolations, EXIT, launchBrowser, PHONE, shot, type Browser } from './support/browser';

type Lang = 'pl' | 'uk' | 'en';
const LANGS: Lang[] = ['pl', 'uk', 'en'];
const LINES: Record<Lang, { survivor: string; counsellor: string }> = {
  pl: { survivor: 'Boję się wrócić do domu.', counsellor: 'Dobrze, że piszesz. Czy jesteś teraz w bezpiecznym miejscu?' },
  uk: { survivor: 'Я боюся повертатися додому.', counsellor: 'Добре, що ви написали. Ви зараз у безпечному місці?' },
  en: { survivor: 'I’m scared to go home.', counsellor: 'I’m glad you wrote. Are you somewhere safe right now?' },
};

/**
 * Every screen in every language on a small phone, saved to test-output/screens for people to
 * look at, each checked with axe-core on the way.
 */
describe('survivor chat page, screen by screen', () => {
  const env = new TestEnvironment({ EXIT_URL: EXIT, CHAT_PAGE_TITLE: 'Weather', SESSION_STARTS_PER_10MIN: '200' });
  let base: string;
  let browser: Browser;
  const open: (Socket | BrowserContext)[] = [];

  beforeAll(async () => {
    await env.setUp();
    base = await env.gateway();
    await env.worker();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const o of open) await o.close();
    await browser?.close();
    await env.tearDown();
  });

  async function phone(lang: Lang): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: lang, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
    open.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/chat?lang=${lang}`);
    return page;
  }

  /** axe-core finds nothing serious; nothing wider than the phone; every control a 44 px target; quick exit in view when scrolled down. */
  async function noSeriousViolations(page: Page) {
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const small = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('button, a, select, textarea, .option')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ what: el.getAttribute('data-qa') ?? el.className ?? el.tagName, ...el.getBoundingClientRect().toJSON() as DOMRect }))
      .filter((r) => r.height < 44 || r.width < 44)
      .map((r) => `${r.what} ${Math.round(r.width)}×${Math.round(r.height)}`));
    expect(small).toEqual([]);
    const y = await page.evaluate(() => { window.scrollTo(0, document.documentElement.scrollHeight); return document.querySelector('[data-qa="quick-exit"]')!.getBoundingClientRect().top; });
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThan(20);
    await page.evaluate(() => window.scrollTo(0, 0));
  }

  it.each(LANGS)('nobody on duty (%s)', async (lang) => {
    const page = await phone(lang);
    await page.locator('.notice a[href^="tel:"]').first().waitFor();
    await shot(page, `${lang}-1-intro-nobody-on-duty`);
    await noSeriousViolations(page);
    await page.click('[data-qa="danger-no"]');
    await page.click('[data-qa="start"]');
    await page.locator('[data-qa="position"]').waitFor();
    await page.locator('[data-qa="message"][data-from="system"]').waitFor();
    await shot(page, `${lang}-2-waiting-nobody-on-duty`);
    await noSeriousViolations(page);
    await page.click('[data-qa="end"]');
    await page.locator('.ended').waitFor();
  });

  it.each(LANGS)('the whole way with a counsellor (%s)', async (lang) => {
    const s = await env.staff({ languages: [lang], name: lang === 'uk' ? 'Оксана' : lang === 'pl' ? 'Marta' : 'Anna' });
    const staff = await connectStaff(base, await login(base, s.email, s.password));
    open.push(staff);
    await ask(staff, 'presence:set', { status: 'available' });

    // someone already talking, and someone waiting ahead: the page will be second in line
    const take = async (start: () => Promise<unknown>) => {
      const offer = next<{ sessionId: string }>(staff, 'offer');
      await start();
      const { sessionId } = await offer;
      await ask(staff, 'offer:accept', { sessionId });
      return sessionId;
    };
    const survivor = async () => {
      const socket = await connectSurvivor(base);
      open.push(socket);
      return socket;
    };
    const first = await take(async () => ask(await survivor(), 'session:start', { language: lang, triage: { immediateDanger: false } }));
    await ask(await survivor(), 'session:start', { language: lang, triage: { immediateDanger: false } });

    const page = await phone(lang);
    await page.locator('[data-qa="start"]').waitFor();
    await shot(page, `${lang}-3-intro`);
    await page.click('[data-qa="danger-yes"]');
    await page.locator('.alert a[href^="tel:"]').first().waitFor();
    await shot(page, `${lang}-4-danger`);
    await noSeriousViolations(page);
    await page.click('[data-qa="danger-no"]');
    await page.locator('.option').first().click();
    await page.click('[data-qa="start"]');
    await page.locator('[data-qa="position"]').waitFor();
    await page.locator('[data-qa="message"][data-from="system"]').waitFor();
    await page.locator('[data-qa="message-input"]').fill(LINES[lang].survivor);
    await page.click('[data-qa="send"]');
    await shot(page, `${lang}-5-waiting`);
    await noSeriousViolations(page);

    // the counsellor finishes with the two ahead, then takes this chat
    // (each offer is listened for before the close that frees the counsellor for it)
    const secondOffer = next<{ sessionId: string }>(staff, 'offer');
    await ask(staff, 'session:close', { sessionId: first, outcome: 'test', riskLevel: 'none', categories: [] });
    const second = await secondOffer;
    await ask(staff, 'offer:accept', { sessionId: second.sessionId });
    const myOffer = next<{ sessionId: string }>(staff, 'offer');
    await ask(staff, 'session:close', { sessionId: second.sessionId, outcome: 'test', riskLevel: 'none', categories: [] });
    const mine = await myOffer;
    await ask(staff, 'offer:accept', { sessionId: mine.sessionId });
    await page.locator('.status .counsellor').waitFor();
    await ask(staff, 'message:send', { sessionId: mine.sessionId, clientId: 'a', text: LINES[lang].counsellor });
    await page.locator('[data-qa="message"][data-from="counsellor"]').waitFor();
    await ask(staff, 'typing', { sessionId: mine.sessionId, isTyping: true });
    await page.locator('.typing:not(:empty)').waitFor();
    await page.locator('[data-qa="message-input"]').fill('…');
    await shot(page, `${lang}-6-chat`);
    await noSeriousViolations(page);

    await ask(staff, 'session:close', { sessionId: mine.sessionId, outcome: 'supported', riskLevel: 'none', categories: [] });
    await page.locator('.ended h1').waitFor();
    await shot(page, `${lang}-7-ended`);
    await noSeriousViolations(page);
    await ask(staff, 'presence:set', { status: 'offline' });
  });
});
