import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { actors } from './support/actors';
import { axeViolations, shot } from './support/browser';
import { browserSuite } from './support/browser-suite';
import { ask, connectStaff, connectSurvivor, eventually, login, next } from './support/clients';
import { goAvailable, signInToConsole } from './support/console-desk';
import type { StaffLogin } from './support/environment';
import { addService } from './support/services';
import { webhookReceiver } from './support/webhook-receiver';

const DESK = { width: 1280, height: 860 };
const SECRET = 'webhook-secret-for-console-tests-0123';

/** The escalation form in the counsellor's chat pane, the live status, the phone flow, and the duty board, in Chromium. */
describe('staff console: escalation', () => {
  const receiver = webhookReceiver(SECRET);
  const suite = browserSuite({ ALLOW_PRIVATE_WEBHOOKS: 'true' }); // the receiver listens on loopback
  const { env } = suite;
  const people = actors(suite);
  let adminToken: string;
  /** what the suite does not check itself: CSP refusals and requests to other origins */
  const problems: string[] = [];

  beforeAll(async () => {
    const admin = await env.staff({ role: 'admin', name: 'Ada' });
    adminToken = await login(suite.base, admin.email, admin.password);
  });

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  /** A browser window that may talk to the gateway only: page errors (the suite's), CSP refusals and other origins fail the test. */
  async function desk(locale: string): Promise<Page> {
    const page = await suite.page({ viewport: DESK, locale });
    page.on('console', (msg) => { if (/Content Security Policy/i.test(msg.text())) problems.push(`csp: ${msg.text()}`); });
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(`${suite.base}/`) && !url.startsWith(suite.base.replace('http', 'ws')) && !url.startsWith('data:')) problems.push(`third-party request: ${url}`);
    });
    return page;
  }

  async function signIn(page: Page, who: StaffLogin): Promise<void> {
    await signInToConsole(page, suite.base, who);
    await page.locator('.connection.online').waitFor();
    // one header row at 1280 px, whatever the language and role
    expect((await page.locator('header.top').boundingBox())!.height).toBeLessThan(64);
  }

  /** A counsellor with an accepted chat from a survivor writing in `language`. */
  async function activeChat(page: Page, who: StaffLogin, language: string): Promise<{ socket: Socket; sessionId: string }> {
    await goAvailable(page, env, who);
    const { socket, sessionId } = await people.survivor(language, { immediateDanger: true, forWhom: 'self', ageGroup: 'adult' });
    await page.click('[data-qa="offer-accept"]');
    await page.locator('[data-qa="message-input"]').waitFor();
    return { socket, sessionId };
  }

  async function serviceId(language: string, phone: string): Promise<string> {
    const list = await (await fetch(`${suite.base}/api/services?language=${language}`)).json() as { id: string; phone: string }[];
    return list.find((s) => s.phone === phone)!.id;
  }

  /** What has the keyboard focus, by its data-qa (or tag, type and value). */
  const focused = (page: Page) => page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.dataset.qa ?? `${el?.tagName.toLowerCase()}:${el?.type ?? ''}:${el?.value ?? ''}`;
  });

  /** Picks an option of the focused select with the arrow keys only. */
  async function arrowTo(page: Page, qa: string, value: string): Promise<void> {
    expect(await focused(page)).toBe(qa);
    const select = page.locator(`[data-qa="${qa}"]`);
    for (let i = 0; i < 60 && (await select.inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
    expect(await select.inputValue()).toBe(value);
  }

  async function tab(page: Page, expected: string): Promise<void> {
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(expected);
  }

  const escalationRows = (sessionId: string) => env.sql<{ id: string; status: string; phone_result: string | null; urgency: string }>(
    `SELECT id, status, phone_result, urgency FROM escalation WHERE session_id = $1 ORDER BY created_at`, [sessionId]);

  it('escalates to a webhook service found by kind and region, refuses without consent, and shows the status live to the counsellor and the duty manager', async () => {
    const teamName = 'Zespół mobilny Lublin';
    const teamId = await addService(suite.base, adminToken, { name: teamName, kind: 'mobile-team', phone: '+48 81 000 00 00', hours: '8–22', region: 'PL-LU', languages: ['pl'],
      channel: { type: 'webhook', url: receiver.url, secret: SECRET } });
    const manager = await env.staff({ role: 'manager', name: 'Dorota' });
    const board = await desk('en-GB');
    await signIn(board, manager);
    await board.locator('[data-qa="queue-pl-waiting"]').waitFor();

    const me = await env.staff({ languages: ['pl'], name: 'Olena' });
    const page = await desk('en-GB');
    await signIn(page, me);
    const { sessionId } = await activeChat(page, me, 'pl');

    await page.click('[data-qa="escalate"]');
    const form = page.locator('.escalation-form');
    await form.waitFor();
    expect(await focused(page)).toBe('escalation-kind');
    // the directory loads; the chat's own language line is the default
    await page.locator('[data-qa="escalation-service"] option', { hasText: '112' }).first().waitFor({ state: 'attached' });
    expect(await page.inputValue('[data-qa="escalation-language"]')).toBe('pl');
    expect(await page.locator('[data-qa="escalation-language"] option:checked').innerText()).toBe('Polish chats (this chat)');

    await page.selectOption('[data-qa="escalation-kind"]', 'mobile-team');
    await page.selectOption('[data-qa="escalation-region"]', 'PL-LU');
    expect(await page.locator('[data-qa="escalation-region"] option:checked').innerText()).toBe('Poland · PL-LU');
    expect(await form.locator('.hint[aria-live]').innerText()).toBe('1 service matches.');
    expect(await page.locator('[data-qa="escalation-service"] option').allInnerTexts()).toEqual(['Choose…', `${teamName} — +48 81 000 00 00`]);
    // a national service serves every region of its country; a kind filter keeps it out
    await page.selectOption('[data-qa="escalation-kind"]', '*');
    expect(await page.locator('[data-qa="escalation-service"] option').allInnerTexts()).toEqual(expect.arrayContaining(['Emergency number (Poland) — 112', `${teamName} — +48 81 000 00 00`]));
    expect(await page.locator('[data-qa="escalation-service"] option', { hasText: 'Ukraine' }).count()).toBe(0);
    await page.selectOption('[data-qa="escalation-kind"]', 'mobile-team');
    await page.selectOption('[data-qa="escalation-service"]', teamId);
    expect(await form.locator('.service-facts').innerText()).toMatch(/Mobile team\s+Poland · PL-LU\s+Hours: 8–22/);
    // how the service is reached, said before anything is sent
    expect(await form.locator('[data-qa="escalation-channel"]').innerText()).toBe('Sent automatically to the service’s system');
    await page.selectOption('[data-qa="escalation-kind"]', 'police');
    await page.selectOption('[data-qa="escalation-service"]', await serviceId('pl', '997'));
    expect(await form.locator('[data-qa="escalation-channel"]').innerText()).toBe('Reached by phone — you will have to call');
    await page.selectOption('[data-qa="escalation-kind"]', 'mobile-team');
    await page.selectOption('[data-qa="escalation-service"]', teamId);

    // nothing goes without an urgency, a summary and the person's consent
    await page.click('[data-qa="escalation-confirm"]');
    await form.locator('.error', { hasText: 'Choose how urgent it is. Write what the service needs to know. Tick the box' }).waitFor();
    expect(await focused(page)).toBe('input:radio:immediate');
    await page.check('[data-qa="escalation-urgency"] input[value="today"]');
    await page.fill('[data-qa="escalation-summary"]', 'Needs a visit today; the partner is away until 18:00.');
    await page.fill('[data-qa="escalation-callback-phone"]', '+48 600 000 000');
    await page.fill('[data-qa="escalation-location"]', 'Lublin, Czechów');
    await page.click('[data-qa="escalation-confirm"]');
    await form.locator('.error', { hasText: 'Tick the box to confirm the person agreed — without consent nothing is sent.' }).waitFor();
    expect(await form.locator('.error').innerText()).not.toMatch(/urgent|Write/);
    expect(await focused(page)).toBe('escalation-consent');
    expect(await page.getAttribute('[data-qa="escalation-consent"]', 'aria-invalid')).toBe('true');
    // nothing was created by these refusals: the one escalation made below is the only row (checked there)
    expect(await escalationRows(sessionId)).toEqual([]);
    expect(receiver.requests).toEqual([]);
    await shot(page, 'console-escalation-form');
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Space');
    expect(await page.isChecked('[data-qa="escalation-consent"]')).toBe(true);
    await page.click('[data-qa="escalation-confirm"]');
    await form.waitFor({ state: 'detached' });
    // back in the chat: the escalation with its live status, the message box ready again
    const item = page.locator('[data-qa="escalation"]');
    await item.waitFor();
    expect(await item.locator('strong').innerText()).toBe(teamName);
    await page.locator('[data-qa="message-input"]').waitFor();

    const [row] = await eventually(async () => { const rows = await escalationRows(sessionId); return rows.length === 1 && rows; });
    expect(row).toMatchObject({ urgency: 'today' });
    await page.locator(`[data-qa="escalation"][data-id="${row.id}"][data-status="delivered"]`).waitFor({ timeout: 20_000 });
    expect(await item.locator('[data-qa="escalation-status"]').innerText()).toBe('Delivered — not confirmed yet');
    const delivered = receiver.requests.find((r) => r.key === row.id)!;
    expect(delivered.valid).toBe(true);
    expect(delivered.body).toMatchObject({ escalationId: row.id, service: { id: teamId }, urgency: 'today', language: 'pl',
      details: { summary: 'Needs a visit today; the partner is away until 18:00.', callbackPhone: '+48 600 000 000', location: 'Lublin, Czechów' } });

    // the duty manager sees it among the open escalations, live
    const boardRow = board.locator(`[data-qa="board-escalation"][data-id="${row.id}"]`, { hasText: 'Delivered — not confirmed yet' });
    await boardRow.waitFor();
    expect(await boardRow.innerText()).toMatch(new RegExp(`${teamName}\\s+Today\\s+Delivered — not confirmed yet\\s+Olena`));
    await boardRow.scrollIntoViewIfNeeded();
    await shot(board, 'console-escalation-board');
    expect(await axeViolations(board)).toEqual([]);

    // the service confirms through its signed link: the counsellor sees it at once, and it leaves the open list
    const ack = await fetch(`${suite.base}${new URL(delivered.body.ackUrl as string).pathname}`, { method: 'POST' });
    expect(ack.status).toBe(200);
    await page.locator(`[data-qa="escalation"][data-status="acknowledged"]`).waitFor();
    expect(await item.locator('[data-qa="escalation-status"]').innerText()).toBe('Confirmed by the service');
    await boardRow.waitFor({ state: 'detached' });
    await shot(page, 'console-escalation-sent');
    expect(await axeViolations(page)).toEqual([]);
    expect(await env.sql(`SELECT 1 FROM escalation WHERE session_id = $1`, [sessionId])).toHaveLength(1);
  }, 60_000);

  it('works by keyboard alone: a phone service shows its number and records the call; a call that fails alerts the duty manager', async () => {
    const crisisCentre = await serviceId('uk', '733 588 900');
    const police = await serviceId('pl', '997');
    const manager = await env.staff({ role: 'manager', name: 'Dorota' });
    const board = await desk('pl-PL');
    await signIn(board, manager);
    await board.locator('[data-qa="queue-uk-waiting"]').waitFor();

    const me = await env.staff({ languages: ['uk'], name: 'Iryna' });
    const page = await desk('uk-UA');
    await signIn(page, me);
    const { sessionId } = await activeChat(page, me, 'uk');

    await page.focus('[data-qa="escalate"]');
    await page.keyboard.press('Enter');
    const form = page.locator('.escalation-form');
    await form.waitFor();
    await page.locator('[data-qa="escalation-service"] option', { hasText: '733 588 900' }).waitFor({ state: 'attached' });
    expect(await axeViolations(page)).toEqual([]);
    await arrowTo(page, 'escalation-kind', 'crisis-intervention-centre');
    await tab(page, 'escalation-region');
    await arrowTo(page, 'escalation-region', 'PL');
    await tab(page, 'escalation-language');
    expect(await page.inputValue('[data-qa="escalation-language"]')).toBe('uk');
    await tab(page, 'escalation-service');
    await arrowTo(page, 'escalation-service', crisisCentre);
    expect(await page.locator('[data-qa="escalation-service"] option:checked').innerText()).toBe('Центр кризового втручання в Любліні — 733 588 900');
    expect(await form.locator('[data-qa="escalation-channel"]').innerText()).toBe('Зв’язок телефоном — вам потрібно буде зателефонувати');
    await tab(page, 'input:radio:immediate');
    await page.keyboard.press('Space');
    await tab(page, 'escalation-summary');
    await page.keyboard.type('Просить, щоб центр зателефонував їй завтра зранку.');
    await tab(page, 'escalation-callback-phone');
    await tab(page, 'escalation-location');
    await tab(page, 'escalation-consent');
    await page.keyboard.press('Space');
    await tab(page, 'escalation-confirm');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });

    // the number to call, and the keyboard is on the first result button
    const item = page.locator('[data-qa="escalation"]').first();
    expect(await item.locator('[data-qa="escalation-phone"]').innerText()).toBe('733 588 900');
    expect(await item.locator('[data-qa="escalation-status"]').innerText()).toBe('Чекає на ваш дзвінок');
    expect(await focused(page)).toBe('phone-called');
    await shot(page, 'console-escalation-phone');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await eventually(async () => (await escalationRows(sessionId))[0]?.phone_result === 'called');
    // the record changes before the answer reaches the page: wait for the page to show it
    await item.locator('[data-qa="escalation-status"]', { hasText: 'Триває дзвінок' }).waitFor();
    expect(await item.locator('[data-qa="escalation-status"]').innerText()).toBe('Триває дзвінок — результат ще не зазначено');
    expect(await focused(page)).toBe('phone-reached');

    // a reload in the middle of the call: the escalation comes back with its service, status, number and result buttons
    await page.reload();
    await page.locator('.connection.online').waitFor();
    await item.waitFor();
    expect(await item.locator('strong').innerText()).toBe('Центр кризового втручання в Любліні');
    expect(await item.innerText()).toContain('Негайно');
    expect(await item.locator('[data-qa="escalation-status"]').innerText()).toBe('Триває дзвінок — результат ще не зазначено');
    expect(await item.locator('[data-qa="escalation-phone"]').innerText()).toBe('733 588 900');
    expect(await item.locator('button').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.qa))).toEqual(['phone-reached', 'phone-not-reached']);
    expect(await page.content()).not.toContain('Просить, щоб центр');
    await page.focus('[data-qa="phone-reached"]');
    await page.keyboard.press('Enter');
    await page.locator('[data-qa="escalation"][data-status="delivered"]').waitFor();
    expect(await item.locator('[data-qa="escalation-status"]').innerText()).toBe('Вдалося зв’язатися');
    expect(await item.locator('button').count()).toBe(0);
    expect((await escalationRows(sessionId))[0]).toMatchObject({ status: 'delivered', phone_result: 'reached', urgency: 'immediate' });

    // the Polish police are listed for Polish chats: the language filter finds them for a Ukrainian one
    await page.click('[data-qa="escalate"]');
    await page.locator('[data-qa="escalation-service"] option', { hasText: '733 588 900' }).waitFor({ state: 'attached' });
    await page.selectOption('[data-qa="escalation-kind"]', 'police');
    expect(await page.locator(`[data-qa="escalation-service"] option[value="${police}"]`).count()).toBe(0);
    await page.selectOption('[data-qa="escalation-language"]', 'pl');
    await page.selectOption('[data-qa="escalation-service"]', police);
    await page.check('[data-qa="escalation-urgency"] input[value="immediate"]');
    await page.fill('[data-qa="escalation-summary"]', 'Погрожує ножем, чоловік удома.');
    await page.check('[data-qa="escalation-consent"]');
    await page.click('[data-qa="escalation-confirm"]');
    const second = page.locator('[data-qa="escalation"]').nth(1);
    expect(await second.locator('[data-qa="escalation-phone"]').innerText()).toBe('997');
    await second.locator('[data-qa="phone-not-reached"]').click();
    await page.locator('[data-qa="escalation"][data-status="failed"]').waitFor();
    expect(await second.innerText()).toMatch(/Не вдалося зв’язатися[\s\S]*Координатора\/ку зміни сповіщено\./);
    await shot(page, 'console-escalation-phone-results');
    expect(await axeViolations(page)).toEqual([]);

    // the duty manager is alerted and sees the failed call first among the open escalations
    // the alert says it was a call that did not get through, not a failed delivery
    await board.locator('.alert-item', { hasText: 'Osoba konsultująca nie dodzwoniła się do służby.' }).waitFor();
    const failed = board.locator('[data-qa="board-escalation"]').first();
    await board.locator('[data-qa="board-escalation"][data-status="failed"]').waitFor();
    expect(await failed.innerText()).toMatch(/Policja\s+Natychmiast\s+Nie udało się połączyć\s+Iryna/);
    // for the screenshot only; the list may be redrawn by a refresh at that moment, so try again
    await eventually(() => failed.scrollIntoViewIfNeeded().then(() => true, () => false));
    await shot(board, 'console-escalation-board-failed');
    expect(await axeViolations(board)).toEqual([]);
  }, 60_000);
  it('shows the counsellor who takes over a transferred chat what a colleague already escalated, read-only', async () => {
    // a colleague, played over socket.io, escalates to a phone service and hands the chat on
    const first = await env.staff({ languages: ['pl'], name: 'Marta' });
    const firstSocket = await connectStaff(suite.base, await login(suite.base, first.email, first.password));
    suite.keep(firstSocket);
    const offered = next<{ sessionId: string }>(firstSocket, 'offer');
    await ask(firstSocket, 'presence:set', { status: 'available' });
    const survivor = await connectSurvivor(suite.base);
    suite.keep(survivor);
    expect(await ask(survivor, 'session:start', { language: 'pl', triage: { immediateDanger: false } })).toMatchObject({ ok: true });
    const { sessionId } = await offered;
    expect(await ask(firstSocket, 'offer:accept', { sessionId })).toMatchObject({ ok: true });
    const cik = await serviceId('pl', '733 588 900');
    expect(await ask(firstSocket, 'escalation:create', { sessionId, serviceId: cik, urgency: 'today', consent: true, details: { summary: 'asked for a call back' } })).toMatchObject({ ok: true });

    const second = await env.staff({ languages: ['pl'], name: 'Iryna' });
    const page = await desk('en-GB');
    await signIn(page, second);
    await goAvailable(page, env, second);
    expect(await ask(firstSocket, 'session:transfer', { sessionId, toStaffId: second.id })).toMatchObject({ ok: true });
    await page.click('[data-qa="offer-accept"]');

    // the escalation is there at once, with who raised it; the call is the colleague's to record
    const item = page.locator('[data-qa="escalation"]');
    await item.locator('[data-qa="escalation-by-colleague"]').waitFor();
    expect(await item.locator('[data-qa="escalation-by-colleague"]').innerText()).toBe('Raised by a colleague before this chat came to you.');
    expect(await item.locator('strong').innerText()).toBe('Centrum Interwencji Kryzysowej w Lublinie');
    expect(await item.locator('[data-qa^="phone-"]').count()).toBe(0);
    expect(await item.locator('[data-qa="escalation-status"]').innerText()).toBe('Waiting for the counsellor’s call');
    await shot(page, 'console-escalation-transferred');
    expect(await axeViolations(page)).toEqual([]);
  });
});
