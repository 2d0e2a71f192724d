import type { Page } from 'playwright-core';
import { login } from './support/clients';
import { axeViolations, shot } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { signInToConsole } from './support/console-desk';

const DESK = { width: 1280, height: 860 };

/** What the audit view must say in each language (written here, not taken from the console's copy). */
const SAYS = {
  pl: { locale: 'pl-PL', created: 'Utworzenie konta', exported: 'Eksport danych', everyone: 'Wszystkie osoby' },
  uk: { locale: 'uk-UA', created: 'Створення облікового запису', exported: 'Експорт даних', everyone: 'Усі люди' },
  en: { locale: 'en-GB', created: 'Account created', exported: 'Figures exported', everyone: 'Everyone' },
} as const;

/** The admins' audit log in Chromium: filtered by action and by person, in the three languages. */
describe('console audit log', () => {
  // signing in is not what this file is about: nobody is asked for a second factor
  const suite = browserSuite({ MFA_REQUIRED_ROLES: '' });
  const { env } = suite;

  async function openAudit(page: Page, who: { email: string; password: string }): Promise<void> {
    await signInToConsole(page, suite.base, who);
    await page.goto(`${suite.base}/console#/admin/audit`);
    await page.locator('[data-qa="audit-table"]').waitFor();
  }

  /**
   * The actions of the rows shown once the table answers the filter (`action|person`) with
   * `expected` rows: the last filter's table can have as many rows, so the count alone is no sign.
   */
  async function shownActions(page: Page, filter: string, expected: number): Promise<string[]> {
    const table = `[data-qa="audit-table"][data-filter="${filter}"]`;
    await page.waitForFunction(([t, n]) => document.querySelectorAll(`${t} [data-qa="audit-entry"]`).length === n, [table, expected] as const);
    return page.locator(`${table} [data-qa="audit-entry"]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action') ?? ''));
  }

  it.each(Object.entries(SAYS))('filters by action and by person (%s)', async (lang, says) => {
    const admin = await env.staff({ role: 'admin', name: `Ada ${lang}` });
    const manager = await env.staff({ role: 'manager', name: `Mira ${lang}` });
    const adminToken = await login(suite.base, admin.email, admin.password);
    const post = await fetch(`${suite.base}/api/admin/staff`, {
      method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: `new-${lang}@example.org`, name: `Nina ${lang}`, role: 'counsellor', languages: ['pl'], password: 'a long enough password' }),
    });
    expect(post.status).toBe(201);
    const managerToken = await login(suite.base, manager.email, manager.password);
    expect((await fetch(`${suite.base}/api/stats/csv`, { headers: { authorization: `Bearer ${managerToken}` } })).status).toBe(200);

    const page = await suite.page({ viewport: DESK, locale: says.locale });
    await openAudit(page, admin);
    await page.locator('[data-qa="audit-table"] td', { hasText: says.created }).first().waitFor();
    expect(await page.locator('[data-qa="audit-person"] option').first().innerText()).toBe(says.everyone);

    await page.selectOption('[data-qa="audit-action"]', 'stats.exported');
    const exports = (await env.sql(`SELECT 1 FROM staff_audit WHERE action = 'stats.exported'`)).length;
    expect(new Set(await shownActions(page, 'stats.exported|', exports))).toEqual(new Set(['stats.exported']));
    await page.locator('[data-qa="audit-table"] td', { hasText: says.exported }).first().waitFor();

    await page.selectOption('[data-qa="audit-person"]', manager.id);
    expect(await shownActions(page, `stats.exported|${manager.id}`, 1)).toEqual(['stats.exported']);
    expect(await page.locator(`[data-qa="audit-table"][data-filter="stats.exported|${manager.id}"] [data-qa="audit-entry"] td`).nth(1).innerText()).toBe(manager.name);

    // the same person, every action: what the admin did is not theirs
    await page.selectOption('[data-qa="audit-action"]', '');
    const theirs = (await env.sql(`SELECT 1 FROM staff_audit WHERE staff_id = $1`, [manager.id])).length;
    expect((await shownActions(page, `|${manager.id}`, theirs)).every((a) => a !== 'staff.created')).toBe(true);

    await page.selectOption('[data-qa="audit-action"]', 'staff.created');
    await page.locator(`[data-qa="audit-empty"][data-filter="staff.created|${manager.id}"]`).waitFor();
    await shot(page, `console-audit-${lang}`);
    expect(await axeViolations(page)).toEqual([]);
  });
});
