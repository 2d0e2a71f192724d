import type { Page } from 'playwright-core';
import { actors } from './support/actors';
import { ask, connectStaff, eventually, login, next } from './support/clients';
import type { StaffLogin } from './support/environment';
import { axeViolations, shot } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { goAvailable, signInToConsole } from './support/console-desk';

const DESK = { width: 1280, height: 860 };

/** The staff console in Chromium, with survivors played over socket.io-client. */
describe('staff console', () => {
  const suite = browserSuite();
  const { env } = suite;
  const people = actors(suite);

  const desk = (locale = 'en-GB'): Promise<Page> => suite.page({ viewport: DESK, locale });

  async function signIn(page: Page, who: StaffLogin): Promise<void> {
    await signInToConsole(page, suite.base, who);
    // one header row at 1280 px, whatever the language and role
    expect((await page.locator('header.top').boundingBox())!.height).toBeLessThan(64);
  }

  /** A survivor who starts a chat, as the chat page's triage sends it. */
  const survivor = (language: string, immediateDanger = false) => people.survivor(language, { immediateDanger, forWhom: 'self', ageGroup: 'adult' });

  async function close(page: Page, outcome: string, risk: string, categories: string[]): Promise<void> {
    await page.click('[data-qa="close-session"]');
    await page.selectOption('[data-qa="close-outcome"]', outcome);
    await page.selectOption('[data-qa="close-risk"]', risk);
    for (const code of categories) await page.check(`[data-qa="close-categories"] input[value="${code}"]`);
    await page.click('[data-qa="close-confirm"]');
  }

  const text = (page: Page, qa: string) => page.locator(`[data-qa="${qa}"]`).innerText();

  it('takes a counsellor from sign-in through an offer and a conversation to the closing form', async () => {
    const me = await env.staff({ languages: ['pl'], name: 'Olena Kowalska' });
    const page = await desk();
    await signIn(page, me);
    expect(await page.locator('nav.sections a').allInnerTexts()).toEqual([expect.stringContaining('Chats')]);
    expect(await axeViolations(page)).toEqual([]);
    await goAvailable(page, env, me);
    await shot(page, 'console-waiting', false);

    const { socket, sessionId } = await survivor('pl', true);
    await page.locator('[data-qa="offer-accept"]').waitFor();
    const card = await page.locator('.offer').innerText();
    expect(card).toMatch(/New chat — Polish/);
    expect(card).toMatch(/Immediate danger/);
    expect(card).toMatch(/Answer within/);
    // the title flashes the offer (it alternates with the plain title every second)
    await page.waitForFunction(() => document.title === 'New chat offer', undefined, { timeout: 5000 });
    await shot(page, 'console-offer', false);
    expect(await axeViolations(page)).toEqual([]);

    const assigned = next<{ counsellorName: string }>(socket, 'session:assigned');
    await page.click('[data-qa="offer-accept"]');
    expect((await assigned).counsellorName).toBe('Olena Kowalska');
    await page.locator('[data-qa="message-input"]').waitFor();
    // the safety check opens every chat
    expect(await page.locator('[data-qa="message"][data-from="system"]').first().innerText()).toMatch(/bezpiecznie/);

    await ask(socket, 'message:send', { clientId: 's1', text: 'Boję się wrócić do domu.' });
    await page.locator('[data-qa="message"][data-from="survivor"]', { hasText: 'Boję się wrócić do domu.' }).waitFor();
    await ask(socket, 'typing', { isTyping: true });
    await page.locator('.typing', { hasText: 'The person is typing…' }).waitFor();

    // the greeting with the safety check goes into the box with the counsellor's name, to edit before sending
    await page.click('button.opener');
    expect(await page.inputValue('[data-qa="message-input"]')).toMatch(/^Dzień dobry, mam na imię Olena Kowalska/);
    const greeting = next<{ from: string; text: string }>(socket, 'message', (m) => m.from === 'counsellor');
    await page.press('[data-qa="message-input"]', 'Enter');
    expect((await greeting).text).toMatch(/czy możesz teraz bezpiecznie pisać/);
    const reply = next<{ from: string; text: string }>(socket, 'message', (m) => m.from === 'counsellor');
    await page.fill('[data-qa="message-input"]', 'Jestem tutaj.\nCzy jesteś teraz w bezpiecznym miejscu?');
    await page.click('[data-qa="send"]');
    expect((await reply).text).toBe('Jestem tutaj.\nCzy jesteś teraz w bezpiecznym miejscu?');
    await page.locator('[data-qa="message"][data-from="counsellor"]:not(.pending)', { hasText: 'Jestem tutaj.' }).waitFor();
    expect(await page.inputValue('[data-qa="message-input"]')).toBe('');
    await shot(page, 'console-chat');
    expect(await axeViolations(page)).toEqual([]);

    // the closing form will not close without an outcome and a risk level
    await page.click('[data-qa="close-session"]');
    await page.click('[data-qa="close-confirm"]');
    await page.locator('.close-form .error', { hasText: 'Choose an outcome and a risk level.' }).waitFor();
    expect(await page.locator('[data-qa="close-categories"] input[type="checkbox"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)))
      .toEqual(expect.arrayContaining(['physical', 'psychological', 'sexual', 'economic', 'stalking', 'child-at-risk', 'other']));
    await shot(page, 'console-close-form');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-qa="close-session"]');
    const ended = next<{ by: string }>(socket, 'session:ended');
    await close(page, 'supported', 'high', ['physical', 'psychological']);
    expect((await ended).by).toBe('counsellor');
    await page.locator('[data-qa="message-input"]').waitFor({ state: 'detached' });
    await page.locator('.notice', { hasText: 'Chat closed. Thank you.' }).waitFor();

    const row = await eventually(async () => (await env.sql<Record<string, unknown>>(`SELECT * FROM contact_log WHERE outcome = 'supported'`))[0], 15_000);
    expect(row).toMatchObject({ language: 'pl', answered: true, abandoned: false, risk_level: 'high', immediate_danger: true, quick_exit: false });
    expect(row.categories).toEqual(['physical', 'psychological']);
    expect(await env.sql(`SELECT 1 FROM chat_session WHERE id = $1 AND logged_at IS NOT NULL`, [sessionId])).toHaveLength(1);
  });

  it('shows "left quickly", keeps a draft through a new sign-in, and closes the chat the person left', async () => {
    const me = await env.staff({ languages: ['uk'], name: 'Iryna' });
    const admin = await env.staff({ role: 'admin', name: 'Ada' });
    const page = await desk('uk-UA');
    await signIn(page, me);
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    expect(await text(page, 'presence')).toContain('Приймаю розмови');
    await goAvailable(page, env, me);
    const { socket } = await survivor('uk');
    await page.click('[data-qa="offer-accept"]');
    await page.fill('[data-qa="message-input"]', 'Думка, яку я ще не надіслала');

    // an admin sets a new password: every token of this counsellor stops working, their socket is closed
    const adminToken = await login(suite.base, admin.email, admin.password);
    const reset = await fetch(`${suite.base}/api/admin/staff/${me.id}`, {
      method: 'PATCH', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ password: 'a-brand-new-password' }),
    });
    expect(reset.status).toBe(200);
    await page.locator('.reauth [data-qa="login-password"]').waitFor();
    expect(await page.locator('.reauth h1').innerText()).toBe('Увійдіть ще раз');
    expect(await page.inputValue('.reauth [data-qa="login-email"]')).toBe(me.email);
    await shot(page, 'console-sign-in-again', false);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('.reauth [data-qa="login-password"]', 'a-brand-new-password');
    await page.click('.reauth [data-qa="login-submit"]');
    await page.locator('.reauth').waitFor({ state: 'detached' });
    expect(await page.inputValue('[data-qa="message-input"]')).toBe('Думка, яку я ще не надіслала');
    await page.locator('.connection.online').waitFor();

    await ask(socket, 'session:end', { reason: 'quick-exit' });
    await page.locator('.banner.danger', { hasText: 'Швидкий вихід — не намагайтеся знову зв’язатися.' }).waitFor();
    await page.locator('[data-qa="message-input"]').waitFor({ state: 'detached' });
    await shot(page, 'console-quick-exit');
    expect(await axeViolations(page)).toEqual([]);
    await close(page, 'dropped', 'medium', ['other']);
    const row = await eventually(async () => (await env.sql<Record<string, unknown>>(`SELECT * FROM contact_log WHERE language = 'uk' AND quick_exit`))[0], 15_000);
    expect(row).toMatchObject({ outcome: 'dropped', risk_level: 'medium', ended_by: 'survivor' });
  });

  it('hands a chat to a colleague, who gets it as an offer with the note; the person is told', async () => {
    const me = await env.staff({ languages: ['pl', 'en'], name: 'Marta' });
    const colleague = await env.staff({ languages: ['en'], name: 'Oksana' });
    const page = await desk();
    await signIn(page, me);
    await goAvailable(page, env, me);
    const { socket, sessionId } = await survivor('en');
    await page.click('[data-qa="offer-accept"]');
    await page.locator('[data-qa="message-input"]').waitFor();

    const other = await connectStaff(suite.base, await login(suite.base, colleague.email, colleague.password));
    suite.keep(other);
    await ask(other, 'presence:set', { status: 'available' });
    const offer = next<{ sessionId: string; transferredBy: string; note: string }>(other, 'offer');
    const told = next<{ from: string; text: string }>(socket, 'message', (m) => m.from === 'system' && /another counsellor/.test(m.text));
    await page.click('button:has-text("Transfer…")');
    await page.locator('select:has(option:has-text("Oksana"))').waitFor();
    await page.fill('.side-form textarea', 'She prefers short messages.');
    await shot(page, 'console-transfer');
    await page.click('.side-form button[type="submit"]');
    expect(await offer).toMatchObject({ sessionId, transferredBy: 'Marta', note: 'She prefers short messages.' });
    await told;
    await page.locator('[data-qa="message-input"]').waitFor({ state: 'detached' });
    const accepted = await ask(other, 'offer:accept', { sessionId });
    expect(accepted.ok).toBe(true);
    expect((accepted.session as { messages: { from: string }[] }).messages.map((m) => m.from)).toEqual(['system', 'system']);
    expect(await env.sql(`SELECT 1 FROM staff_audit WHERE action = 'session.transferred' AND session_id = $1 AND staff_id = $2 AND target_staff_id = $3`, [sessionId, me.id, colleague.id])).toHaveLength(1);
  });

  it('shows the duty manager each line as people come and go, lets them follow and reassign, and alerts on a long priority wait', async () => {
    const manager = await env.staff({ role: 'manager', name: 'Dorota' });
    const page = await desk();
    await signIn(page, manager);
    await page.locator('[data-qa="queue-pl-waiting"]').waitFor();
    const waiting = async () => Promise.all(['pl', 'uk', 'en'].map((l) => text(page, `queue-${l}-waiting`)));
    await eventually(async () => JSON.stringify(await waiting()) === '["0","0","0"]');

    const first = await survivor('pl');
    const second = await survivor('pl');
    const third = await survivor('uk');
    await eventually(async () => JSON.stringify(await waiting()) === '["2","1","0"]');
    const api = await (await fetch(`${suite.base}/api/queue`, { headers: { authorization: `Bearer ${await login(suite.base, manager.email, manager.password)}` } })).json() as { languages: Record<string, { waiting: number }> };
    expect([api.languages.pl.waiting, api.languages.uk.waiting, api.languages.en.waiting]).toEqual([2, 1, 0]);
    await page.locator('.live-sessions tbody tr').nth(2).waitFor();
    await shot(page, 'console-board');
    expect(await axeViolations(page)).toEqual([]);

    await ask(first.socket, 'session:end', {});
    await ask(third.socket, 'session:end', {});
    await eventually(async () => JSON.stringify(await waiting()) === '["1","0","0"]');

    // read-only following, recorded in the audit log
    await eventually(async () => (await page.locator('.live-sessions tbody tr').count()) === 1);
    await page.click('.live-sessions button:has-text("Follow")');
    await page.locator('.monitor h2').waitFor();
    await ask(second.socket, 'message:send', { clientId: 'm1', text: 'Czy ktoś tu jest?' });
    await page.locator('.monitor [data-qa="monitor-message"]', { hasText: 'Czy ktoś tu jest?' }).waitFor();
    expect(await page.locator('.monitor textarea').count()).toBe(0);
    expect(await env.sql(`SELECT 1 FROM staff_audit WHERE action = 'session.monitored' AND session_id = $1 AND staff_id = $2`, [second.sessionId, manager.id])).toHaveLength(1);

    // reassigning the waiting session to the English line
    await page.click('.live-sessions button:has-text("Reassign…")');
    await page.selectOption('.live-sessions .side-form select >> nth=1', 'en');
    await page.click('.live-sessions .side-form button[type="submit"]');
    await eventually(async () => JSON.stringify(await waiting()) === '["0","0","1"]');
    expect(await env.sql(`SELECT 1 FROM staff_audit WHERE action = 'session.reassigned' AND session_id = $1`, [second.sessionId])).toHaveLength(1);

    // a priority session waiting past the threshold raises an alert
    await page.fill('.alerts input[type="number"]', '10');
    await page.press('.alerts input[type="number"]', 'Tab');
    await survivor('uk', true);
    await eventually(async () => (await page.locator('.alert-item').allInnerTexts()).some((t) => /A priority chat in Ukrainian has been waiting/.test(t)), 20_000, 250);
    await shot(page, 'console-board-alert');
  }, 60_000);

  it('lets an admin add a counsellor who can then sign in', async () => {
    const admin = await env.staff({ role: 'admin', name: 'Ada' });
    const page = await desk('pl-PL');
    await signIn(page, admin);
    await page.goto(`${suite.base}/console#/admin/staff`);
    await page.locator('[data-qa="staff-table"]').waitFor();
    await page.fill('[data-qa="staff-name"]', 'Halyna Nowak');
    await page.fill('[data-qa="staff-email"]', 'halyna@example.org');
    await page.selectOption('[data-qa="staff-role"]', 'counsellor');
    await page.check('[data-qa="staff-languages"] input[value="uk"]');
    await page.check('[data-qa="staff-languages"] input[value="pl"]');
    await page.fill('[data-qa="staff-max-chats"]', '2');
    await page.fill('[data-qa="staff-password"]', 'halyna-first-password');
    await page.click('[data-qa="staff-create"]');
    await page.locator('.admin-section .success', { hasText: 'Halyna Nowak — konto gotowe, można się logować.' }).waitFor();
    await page.locator('[data-qa="staff-table"] th', { hasText: 'Halyna Nowak' }).waitFor();
    const [row] = await env.sql<{ role: string; languages: string[]; max_chats: number; password_hash: string }>(`SELECT * FROM staff WHERE email = 'halyna@example.org'`);
    expect(row).toMatchObject({ role: 'counsellor', languages: ['pl', 'uk'], max_chats: 2 });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    await shot(page, 'console-admin-staff');
    expect(await axeViolations(page)).toEqual([]);
    for (const section of ['services', 'canned', 'audit']) {
      await page.goto(`${suite.base}/console#/admin/${section}`);
      await page.locator('.admin-section table, .admin-section .tip').first().waitFor();
      await shot(page, `console-admin-${section}`);
      expect(await axeViolations(page)).toEqual([]);
    }
    // the case on top of whatever the chats above logged: six Polish contacts and one English one
    for (const [language, n] of [['pl', 6], ['en', 1]] as const) {
      for (let i = 0; i < n; i++) {
        await env.sql(`INSERT INTO contact_log (hour, language, answered, abandoned, wait_band, outcome, immediate_danger, risk_flagged, ended_by, quick_exit)
          VALUES (date_trunc('hour', now()), $1, true, false, 'under-1m', 'supported', false, false, 'counsellor', false)`, [language]);
      }
    }
    await page.goto(`${suite.base}/console#/stats`);
    await page.locator('[data-qa="stats-table"]').waitFor();
    // the console speaks Polish here; every hidden figure has one mark and one spoken label, explained under the table
    const hidden = page.locator('[data-qa="stats-table"] .hidden-cell span');
    expect(await hidden.count()).toBeGreaterThan(0);
    expect(new Set(await hidden.allInnerTexts())).toEqual(new Set(['*']));
    expect(new Set(await hidden.evaluateAll((els) => els.map((e) => `${e.getAttribute('role')} ${e.getAttribute('aria-label')}`)))).toEqual(new Set(['img ukryte, żeby chronić ludzi']));
    expect(await page.locator('[data-qa="stats-hidden-note"]').innerText()).toBe('* ukryte, żeby chronić ludzi');
    expect(await page.locator('.stats > .tip').first().innerText()).toContain('Niektóre liczby są ukryte, żeby chronić ludzi');
    await shot(page, 'console-stats', false);
    expect(await axeViolations(page)).toEqual([]);

    const newcomer = await desk();
    await signIn(newcomer, { id: '', email: 'halyna@example.org', password: 'halyna-first-password', name: 'Halyna Nowak' });
    expect(await newcomer.locator('.me strong').innerText()).toBe('Halyna Nowak');
  });

  it('keeps a counsellor out of statistics and administration, in the page and in the API; the console speaks their language', async () => {
    const me = await env.staff({ languages: ['pl'] });
    const page = await desk();
    await signIn(page, me);
    expect(await page.locator('a[href="#/stats"], a[href="#/admin"], a[href="#/board"]').count()).toBe(0);
    for (const section of ['stats', 'admin/staff', 'board']) {
      await page.goto(`${suite.base}/console#/${section}`);
      await page.locator('[data-qa="forbidden"]').waitFor();
      expect(await page.locator('[data-qa="stats-table"], [data-qa="staff-table"], [data-qa="queue-pl-waiting"]').count()).toBe(0);
    }
    await shot(page, 'console-forbidden', false);

    const token = await login(suite.base, me.email, me.password);
    for (const path of ['/api/stats?from=2026-01-01&to=2026-01-31', '/api/stats/csv', '/api/admin/staff', '/api/admin/canned', '/api/admin/services', '/api/admin/audit', '/api/board/on-duty', '/api/queue']) {
      expect([path, (await fetch(`${suite.base}${path}`, { headers: { authorization: `Bearer ${token}` } })).status]).toEqual([path, 403]);
    }

    // the console's language is kept with the account
    await page.goto(`${suite.base}/console#/chats`);
    // the console's language is in the menu under one's name
    await page.click('.me summary');
    await page.selectOption('.me select', 'pl');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.locator('nav.sections a', { hasText: 'Rozmowy' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pl');
    await eventually(async () => (await env.sql<{ ui_language: string }>(`SELECT ui_language FROM staff WHERE id = $1`, [me.id]))[0].ui_language === 'pl');
    await page.reload();
    await page.locator('nav.sections a', { hasText: 'Rozmowy' }).waitFor();
    expect(await page.locator('.empty').innerText()).toMatch(/poza dyżurem/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
