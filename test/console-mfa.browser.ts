import type { Page } from 'playwright-core';
import { axeViolations, shot } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { enterPassword } from './support/console-desk';
import type { StaffLogin } from './support/environment';
import { codeAt, freshStep, nextCode, rememberSecondFactor, secondFactorOf } from './support/second-factor';

const DESK = { width: 1280, height: 860 };
const LOCALE = { pl: 'pl-PL', uk: 'uk-UA', en: 'en-GB' } as const;
/** A few words of each screen's copy, to know the screen is in the person's language. */
const WORDS = {
  pl: { enrol: 'Włącz logowanie dwuetapowe', codes: 'Zapisz kody odzyskiwania', code: 'Wpisz kod', recovery: 'Użyj kodu odzyskiwania', wrong: 'To nie jest aktualny kod' },
  uk: { enrol: 'Увімкніть двоетапний вхід', codes: 'Збережіть коди відновлення', code: 'Введіть код', recovery: 'Використати код відновлення', wrong: 'Це не поточний код' },
  en: { enrol: 'Set up two-step sign-in', codes: 'Save your recovery codes', code: 'Enter your code', recovery: 'Use a recovery code', wrong: 'That is not the current code' },
};

/** Two-step sign-in in the console, in Chromium: setting it up, signing in with a code, a recovery code, an admin's reset. */
describe('console two-step sign-in', () => {
  const suite = browserSuite();
  const { env } = suite;

  const password = (page: Page, who: StaffLogin) => enterPassword(page, suite.base, who);

  async function signOut(page: Page): Promise<void> {
    await page.click('details.me summary');
    await page.click('[data-qa="sign-out"]');
    await page.locator('[data-qa="login-email"]').waitFor();
  }

  /** The enrolment screens, as a manager meets them at a first sign-in; answers the key shown. */
  async function enrol(page: Page, who: StaffLogin, lang: keyof typeof WORDS): Promise<void> {
    const words = WORDS[lang];
    await password(page, who);
    await page.locator('h1', { hasText: words.enrol }).waitFor();
    await page.locator('[data-qa="mfa-qr"] svg').waitFor();
    const secret = (await page.locator('[data-qa="mfa-secret"]').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await shot(page, `console-mfa-enrol-${lang}`);
    expect(await axeViolations(page)).toEqual([]);
    // a wrong code first: said in the person's language, and nothing is turned on
    const factor = { lastStep: 0 };
    const step = await freshStep(factor);
    const right = await codeAt(secret, step);
    await page.fill('[data-qa="mfa-code"]', String((Number(right) + 1) % 1_000_000).padStart(6, '0'));
    await page.click('[data-qa="mfa-confirm"]');
    await page.locator('.login-card .error', { hasText: words.wrong }).waitFor();
    await page.fill('[data-qa="mfa-code"]', right);
    await page.click('[data-qa="mfa-confirm"]');
    await page.locator('h1', { hasText: words.codes }).waitFor();
    const codes = await page.locator('[data-qa="mfa-recovery-codes"] li').allInnerTexts();
    expect(codes).toHaveLength(10);
    rememberSecondFactor(who.email, secret, step, codes.map((c) => c.trim()));
    expect(await page.isDisabled('[data-qa="mfa-continue"]')).toBe(true);
    await shot(page, `console-mfa-codes-${lang}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.check('[data-qa="mfa-saved"]');
    await page.click('[data-qa="mfa-continue"]');
    await page.locator('[data-qa="presence"]').waitFor();
  }

  it.each(['pl', 'uk', 'en'] as const)('sets up two-step sign-in and signs in with a code (%s)', async (lang) => {
    const manager = await env.staff({ role: 'manager', name: lang === 'uk' ? 'Оксана' : lang === 'pl' ? 'Dorota' : 'Anna', enrol: false });
    const requests: string[] = [];
    const page = await suite.page({ viewport: DESK, locale: LOCALE[lang] });
    page.on('request', (r) => requests.push(new URL(r.url()).origin));
    await enrol(page, manager, lang);
    expect(new Set(requests)).toEqual(new Set([suite.base]));
    // nothing of the second factor stays in the tab's storage
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored).not.toContain(secondFactorOf(manager.email)!.secret);
    await signOut(page);
    await password(page, manager);
    await page.locator('h1', { hasText: WORDS[lang].code }).waitFor();
    await shot(page, `console-mfa-code-${lang}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('[data-qa="login-code"]', await nextCode(manager.email));
    await page.click('[data-qa="login-code-submit"]');
    await page.locator('[data-qa="presence"]').waitFor();
  }, 90_000);

  it('signs in with a recovery code, and sends a wrong code back to the password', async () => {
    const admin = await env.staff({ role: 'admin', name: 'Ada' });
    const page = await suite.page({ viewport: DESK, locale: 'en-GB' });
    await password(page, admin);
    const now = await codeAt(secondFactorOf(admin.email)!.secret, Math.floor(Date.now() / 30_000));
    await page.fill('[data-qa="login-code"]', String((Number(now) + 1) % 1_000_000).padStart(6, '0'));
    await page.click('[data-qa="login-code-submit"]');
    await page.locator('.login-card .error', { hasText: 'That code did not work' }).waitFor();
    expect(await page.inputValue('[data-qa="login-email"]')).toBe(admin.email);
    await page.fill('[data-qa="login-password"]', admin.password);
    await page.click('[data-qa="login-submit"]');
    await page.click('[data-qa="login-use-recovery"]');
    await page.locator('h1', { hasText: WORDS.en.recovery }).waitFor();
    await shot(page, 'console-mfa-recovery-en');
    await page.fill('[data-qa="login-code"]', secondFactorOf(admin.email)!.recoveryCodes[0].toUpperCase());
    await page.click('[data-qa="login-code-submit"]');
    await page.locator('[data-qa="presence"]').waitFor();
  }, 60_000);

  it('lets an admin reset someone’s two-step sign-in from the staff screen', async () => {
    const admin = await env.staff({ role: 'admin', name: 'Ada' });
    const manager = await env.staff({ role: 'manager', name: 'Dorota Reset' });
    const page = await suite.page({ viewport: DESK, locale: 'en-GB' });
    await password(page, admin);
    await page.fill('[data-qa="login-code"]', await nextCode(admin.email));
    await page.click('[data-qa="login-code-submit"]');
    await page.locator('[data-qa="presence"]').waitFor();
    await page.goto(`${suite.base}/console#/admin/staff`);
    const row = page.locator('[data-qa="staff-table"] tr', { hasText: 'Dorota Reset' });
    page.once('dialog', (d) => void d.accept());
    await row.locator('[data-qa="staff-mfa-reset"]').click();
    await page.locator('.admin-section .success', { hasText: 'Two-step sign-in reset' }).waitFor();
    await shot(page, 'console-admin-staff-mfa-reset');
    expect(await env.sql(`SELECT 1 FROM staff_totp WHERE staff_id = $1`, [manager.id])).toHaveLength(0);
  }, 60_000);
});
