import type { Page } from 'playwright-core';
import { eventually } from './clients';
import type { TestEnvironment } from './environment';
import { passCodeStep } from './second-factor';

interface Person { id?: string; email: string; password: string }

/** Opens the staff console and sends its sign-in form with a person's e-mail and password; what comes next is the test's. */
export async function enterPassword(page: Page, base: string, who: Person): Promise<void> {
  await page.goto(`${base}/console`);
  await page.fill('[data-qa="login-email"]', who.email);
  await page.fill('[data-qa="login-password"]', who.password);
  await page.click('[data-qa="login-submit"]');
}

/** Signs in to the console as production staff do (a fresh code when they have a second factor) and waits for the desk. */
export async function signInToConsole(page: Page, base: string, who: Person): Promise<void> {
  await enterPassword(page, base, who);
  await passCodeStep(page, who.email);
  await page.locator('[data-qa="presence"]').waitFor();
}

/**
 * Goes available at the desk once its socket is up, as a person does when the header says
 * online (a choice made before then waits for the connection, and its answer may come after
 * the console gave up on it on a loaded machine), and waits until the record says so (the line
 * routes from the record).
 */
export async function goAvailable(page: Page, env: TestEnvironment, who: { id: string }): Promise<void> {
  await page.locator('.connection.online').waitFor();
  await page.selectOption('[data-qa="presence"]', 'available');
  await eventually(async () => (await env.sql<{ presence: string }>(`SELECT presence FROM staff WHERE id = $1`, [who.id]))[0].presence === 'available');
}
