import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ask, connectStaff, connectSurvivor, login, next } from './support/clients';
import { axeViolations, EXIT, PHONE, SCREENS, shot } from './support/browser';
import { browserSuite } from './support/browser-suite';

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
  // the shared suite closes every page and socket after each test and fails a test whose page threw a script error
  const suite = browserSuite({ EXIT_URL: EXIT, CHAT_PAGE_TITLE: 'Weather', SESSION_STARTS_PER_10MIN: '200' });
  const { env } = suite;

  async function phone(lang: Lang): Promise<Page> {
    const page = await suite.page({ viewport: PHONE, locale: lang, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
    await page.goto(`${suite.base}/chat?lang=${lang}`);
    return page;
  }

  /**
   * Quick exit fully in view (PRODUCT.md rule 5), as the survivor sees it: its box inside the
   * layout viewport and the visual viewport, and in a screenshot of the viewport its red fills
   * that box to every edge (a bar the browser paints elsewhere than its layout says fails too).
   */
  async function quickExitFullyVisible(page: Page, where: string) {
    const box = await page.evaluate(() => {
      const r = document.querySelector('[data-qa="quick-exit"]')!.getBoundingClientRect();
      const vv = window.visualViewport;
      return {
        top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: innerWidth, height: innerHeight,
        vvTop: vv?.offsetTop ?? 0, vvLeft: vv?.offsetLeft ?? 0, vvWidth: vv?.width ?? innerWidth, vvHeight: vv?.height ?? innerHeight,
        pageTop: vv?.pageTop ?? scrollY, pageLeft: vv?.pageLeft ?? scrollX,
      };
    });
    const outside = [
      box.top < 0 && 'top', box.left < 0 && 'left', box.bottom > box.height && 'bottom', box.right > box.width && 'right',
      box.top < box.vvTop && 'above the visual viewport', box.bottom > box.vvTop + box.vvHeight && 'below the visual viewport',
      box.left < box.vvLeft && 'left of the visual viewport', box.right > box.vvLeft + box.vvWidth && 'right of the visual viewport',
      box.bottom - box.top < 44 && 'under 44 px high',
      // the page itself never scrolls (only the content under the bar does): a scrolled or panned
      // document is what slides the bar off screen, when the keyboard opens or the page shrinks back
      (box.pageTop !== 0 || box.pageLeft !== 0) && `the page itself is scrolled to ${Math.round(box.pageLeft)},${Math.round(box.pageTop)}`,
    ].filter(Boolean);
    expect([where, outside]).toEqual([where, []]);
    const png = await page.screenshot();
    const painted = await page.evaluate(async ({ data, box }) => {
      const bytes = Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const k = bitmap.width / box.width;
      const midY = (box.top + box.bottom) / 2;
      // just inside each edge, clear of the rounded corners and of the label
      const points: [string, number, number][] = [
        ['top edge', box.left + 12, box.top + 3], ['top edge', box.right - 12, box.top + 3],
        ['bottom edge', box.left + 12, box.bottom - 3], ['bottom edge', box.right - 12, box.bottom - 3],
        ['left edge', box.left + 3, midY], ['right edge', box.right - 3, midY],
      ];
      return points.filter(([, x, y]) => {
        const [r, g, b] = ctx.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data;
        return !(r > 100 && g < 70 && b < 70);
      }).map(([edge]) => `${edge} not painted`);
    }, { data: png.toString('base64'), box });
    expect([where, painted]).toEqual([where, []]);
  }

  /** Scrolls every scrolling box (the page and any scroller in it) to its end, or back to where each was. */
  async function scrollToEnd(page: Page): Promise<() => Promise<void>> {
    const saved = await page.evaluate(() => {
      const scrollers = [document.scrollingElement!, ...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.scrollHeight > el.clientHeight);
      const before = scrollers.map((el) => el.scrollTop);
      scrollers.forEach((el, i) => { el.setAttribute('data-scroller', String(i)); el.scrollTop = el.scrollHeight; });
      return before;
    });
    return async () => {
      await page.evaluate((before) => {
        document.querySelectorAll<HTMLElement>('[data-scroller]').forEach((el) => { el.scrollTop = before[Number(el.dataset.scroller)]; el.removeAttribute('data-scroller'); });
        if (document.scrollingElement && !document.scrollingElement.hasAttribute('data-scroller')) document.scrollingElement.scrollTop = before[0];
      }, saved);
    };
  }

  /** axe-core finds nothing serious; nothing wider than the phone; every control a 44 px target; quick exit fully in view at the top and at the end. */
  async function noSeriousViolations(page: Page, where: string) {
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // nothing sticks out sideways, nor is clipped sideways inside a scrolling box
    const wide = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => !el.closest('.visually-hidden') && el.getClientRects().length > 0)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5))
      .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}…${Math.round(r.right)}`));
    expect(wide).toEqual([]);
    const small = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('button, a, select, textarea, .option')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ what: el.getAttribute('data-qa') ?? el.className ?? el.tagName, ...el.getBoundingClientRect().toJSON() as DOMRect }))
      .filter((r) => r.height < 44 || r.width < 44)
      .map((r) => `${r.what} ${Math.round(r.width)}×${Math.round(r.height)}`));
    expect(small).toEqual([]);
    const back = await scrollToEnd(page);
    await quickExitFullyVisible(page, `${where}, scrolled to the end`);
    await back();
  }

  /**
   * The whole screen in one picture for people to read: the page never scrolls itself (its
   * content scrolls under the bar), so for this picture only the scrolling boxes are unrolled.
   */
  async function fullShot(page: Page, name: string) {
    await page.evaluate(() => {
      for (const el of [document.documentElement, document.body, ...document.querySelectorAll<HTMLElement>('#app, .chat, .chat .scroll')]) {
        el.dataset.unrolled = '';
        el.style.setProperty('height', 'auto', 'important');
        el.style.setProperty('overflow', 'visible', 'important');
      }
    });
    await page.screenshot({ path: join(SCREENS, `${name}-full.png`), fullPage: true });
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('[data-unrolled]').forEach((el) => {
      delete el.dataset.unrolled;
      el.style.removeProperty('height');
      el.style.removeProperty('overflow');
    }));
  }

  /** One screen: quick exit checked as it is first seen, the screenshots, then the rest. */
  async function screen(page: Page, name: string) {
    await quickExitFullyVisible(page, name);
    await shot(page, name, false);
    await fullShot(page, name);
    await noSeriousViolations(page, name);
  }

  it.each(LANGS)('nobody on duty (%s)', async (lang) => {
    const page = await phone(lang);
    await page.locator('.notice a[href^="tel:"]').first().waitFor();
    await screen(page, `${lang}-1-intro-nobody-on-duty`);
    await page.click('[data-qa="danger-no"]');
    await page.click('[data-qa="start"]');
    await page.locator('[data-qa="position"]').waitFor();
    await page.locator('[data-qa="message"][data-from="system"]').waitFor();
    await screen(page, `${lang}-2-waiting-nobody-on-duty`);
    await page.click('[data-qa="end"]');
    await page.locator('.ended').waitFor();
  });

  it.each(LANGS)('the whole way with a counsellor (%s)', async (lang) => {
    const s = await env.staff({ languages: [lang], name: lang === 'uk' ? 'Оксана' : lang === 'pl' ? 'Marta' : 'Anna' });
    const staff = suite.keep(await connectStaff(suite.base, await login(suite.base, s.email, s.password)));
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
      return suite.keep(await connectSurvivor(suite.base));
    };
    const first = await take(async () => ask(await survivor(), 'session:start', { language: lang, triage: { immediateDanger: false } }));
    await ask(await survivor(), 'session:start', { language: lang, triage: { immediateDanger: false } });

    const page = await phone(lang);
    await page.locator('[data-qa="start"]').waitFor();
    await screen(page, `${lang}-3-intro`);
    await page.click('[data-qa="danger-yes"]');
    await page.locator('.alert a[href^="tel:"]').first().waitFor();
    await screen(page, `${lang}-4-danger`);
    await page.click('[data-qa="danger-no"]');
    await page.locator('.option').first().click();
    await page.click('[data-qa="start"]');
    await page.locator('[data-qa="position"]').waitFor();
    await page.locator('[data-qa="message"][data-from="system"]').waitFor();
    await page.locator('[data-qa="message-input"]').fill(LINES[lang].survivor);
    await page.click('[data-qa="send"]');
    await screen(page, `${lang}-5-waiting`);

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
    await screen(page, `${lang}-6-chat`);

    await ask(staff, 'session:close', { sessionId: mine.sessionId, outcome: 'supported', riskLevel: 'none', categories: [] });
    await page.locator('.ended h1').waitFor();
    await screen(page, `${lang}-7-ended`);
    await ask(staff, 'presence:set', { status: 'offline' });
  });
});
