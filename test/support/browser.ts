import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './processes';

export type { Browser };

export const SCREENS = join(ROOT, 'test-output/screens');
/** A small phone. */
export const PHONE = { width: 360, height: 740 };
/** The neutral site quick exit goes to in the browser tests (answered by a route, never fetched). */
export const EXIT = 'http://exit.invalid/weather';

/** Debian's Chromium, headless, with nothing of its own reaching the network. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENS, { recursive: true });
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** What the survivor sees (the viewport), and with `full` the whole page too. */
export async function shot(page: Page, name: string, full = true): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
  if (full) await page.screenshot({ path: join(SCREENS, `${name}-full.png`), fullPage: true });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the page as it is now (evaluated, so the page's CSP does not block it). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
