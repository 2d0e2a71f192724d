import type { BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { TestEnvironment } from './environment';
import { launchBrowser, type Browser } from './browser';

/**
 * One browser test file's world: its own gateway, worker and Chromium (for the whole file),
 * and after each test every page closed, every socket closed, the line emptied, and no
 * script error left unreported. `gatewayEnv` is read when the gateway starts (after the file's
 * own earlier `beforeAll`), for settings that name something the file starts first.
 */
export function browserSuite(extraEnv: Record<string, string> = {}, gatewayEnv: () => Record<string, string> = () => ({})) {
  const env = new TestEnvironment(extraEnv);
  const sockets: Socket[] = [];
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let browser: Browser | undefined;
  let base = '';

  beforeAll(async () => {
    await env.setUp();
    // read when the gateway starts: a file's own beforeAll, declared before this suite, may have made what it names
    base = await env.gateway(gatewayEnv());
    await env.worker();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await browser?.close();
    await env.tearDown();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
    sockets.splice(0).forEach((s) => s.close());
    await env.resetLine();
    expect(pageErrors.splice(0)).toEqual([]);
  });

  return {
    env,
    /** The gateway's address (set once the file's beforeAll has run). */
    get base(): string {
      return base;
    },
    /** A socket closed after the test. */
    keep<T extends Socket>(socket: T): T {
      sockets.push(socket);
      return socket;
    },
    /** A new page in its own context (no shared storage); script errors fail the test. */
    async page(options: Parameters<Browser['newContext']>[0]): Promise<Page> {
      const context = await browser!.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(err.message));
      return page;
    },
  };
}
