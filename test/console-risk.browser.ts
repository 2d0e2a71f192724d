import type { Page } from 'playwright-core';
import { describeRisk, detectRisk, detectRiskLexicon, type RiskLanguage } from '@prystan/risk';
import { actors } from './support/actors';
import { ask } from './support/clients';
import { browserSuite } from './support/browser-suite';
import { goAvailable, signInToConsole } from './support/console-desk';

/**
 * The counsellor's risk banners in Chromium, with the risk model on: every flag shows its reason
 * (the rule, or the model and its probability), and the model's advisory flags (under its priority
 * threshold) have a banner of their own that says they did not move the chat in the line; a reload
 * brings both back from the record.
 */
describe('console risk banners', () => {
  const suite = browserSuite({ RISK_MODEL: 'on' });
  const { env } = suite;
  const people = actors(suite);

  // written for this test, in words no rule lists and no training sentence holds: one the model flags below
  // its priority threshold, one above it (in another language: every language's detector reads every message)
  const ADVISORY: [RiskLanguage, string] = ['en', 'i have been saving my sleeping pills in a sock for weeks'];
  const RAISING: [RiskLanguage, string] = ['pl', 'powiedział że tym razem nie wyjdę z tego mieszkania na własnych nogach'];

  const banner = (page: Page, qa: string) => page.locator(`[data-qa="${qa}"]`);

  it('shows the model\'s reason on its flags, keeps an advisory flag apart, and restores both after a reload', async () => {
    const advisory = detectRisk(ADVISORY[1], ADVISORY[0]);
    const raising = detectRisk(RAISING[1], RAISING[0]);
    // after retraining, pick sentences that still land on each side of the priority threshold
    expect(detectRiskLexicon(ADVISORY[1], ADVISORY[0])).toBeNull();
    expect(advisory).toMatchObject({ ruleId: expect.stringMatching(/^model\./), advisory: true });
    expect(detectRiskLexicon(RAISING[1], RAISING[0])).toBeNull();
    expect(raising?.ruleId).toMatch(/^model\./);
    expect(raising?.advisory).toBeUndefined();

    const me = await env.staff({ languages: ['en'], name: 'Maria Nowak' });
    const page = await suite.page({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    await signInToConsole(page, suite.base, me);
    await page.locator('.connection.online').waitFor();
    await goAvailable(page, env, me);
    const { socket } = await people.survivor('en', { immediateDanger: false, forWhom: 'self', ageGroup: 'adult' });
    await page.locator('[data-qa="offer-accept"]').waitFor();
    await page.click('[data-qa="offer-accept"]');
    await page.locator('[data-qa="message-input"]').waitFor();

    await ask(socket, 'message:send', { clientId: 'advisory', text: ADVISORY[1] });
    const quiet = banner(page, 'risk-advisory-banner');
    await quiet.waitFor();
    expect(await quiet.innerText()).toContain(`Possible risk (model): Suicide (${describeRisk(advisory!)})`);
    expect(await quiet.innerText()).toContain('did not move this chat in the line');
    expect(await banner(page, 'risk-banner').count()).toBe(0);

    await ask(socket, 'message:send', { clientId: 'raising', text: RAISING[1] });
    const loud = banner(page, 'risk-banner');
    await loud.waitFor();
    expect(await loud.innerText()).toBe(`Risk detected: Threat to kill (${describeRisk(raising!)})`);
    expect(await quiet.innerText()).toContain('Suicide');

    // a rule's flag shows its rule id
    await ask(socket, 'message:send', { clientId: 'rule', text: 'he strangled me' });
    await page.locator('[data-qa="risk-banner"]', { hasText: 'Strangulation (en.strangle.verb)' }).waitFor();

    await page.reload();
    await page.locator('[data-qa="risk-banner"]', { hasText: 'Strangulation (en.strangle.verb)' }).waitFor();
    expect(await banner(page, 'risk-banner').innerText()).toContain(`Threat to kill (${describeRisk(raising!)})`);
    expect(await banner(page, 'risk-advisory-banner').innerText()).toContain(`Suicide (${describeRisk(advisory!)})`);
  });
});
