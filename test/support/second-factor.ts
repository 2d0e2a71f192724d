import { generate } from 'otplib';

/**
 * The test staff's authenticator apps: what each enrolled person's phone would know (the
 * TOTP secret and the recovery codes), and which time step the server has already accepted,
 * so that every code a test sends is one the server has not seen (each is accepted once).
 */
interface Factor { secret: string; lastStep: number; recoveryCodes: string[] }
const factors = new Map<string, Factor>();
const key = (email: string) => email.trim().toLowerCase();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function secondFactorOf(email: string): Factor | undefined {
  return factors.get(key(email));
}

export function rememberSecondFactor(email: string, secret: string, step: number, recoveryCodes: string[]): void {
  factors.set(key(email), { secret, lastStep: step, recoveryCodes: [...recoveryCodes] });
}

export function forgetSecondFactor(email: string): void {
  factors.delete(key(email));
}

/** The TOTP code of a time step (RFC 6238, SHA-1, 6 digits, 30 s). */
export function codeAt(secret: string, step: number): Promise<string> {
  return generate({ secret, algorithm: 'sha1', digits: 6, period: 30, epoch: step * 30 + 1 });
}

/**
 * A step the server accepts now (±1 of the current one) and has not seen, marked spent. The
 * step before now is skipped near a step's end (it may have left the window by the time the
 * request arrives); when all are spent this waits for the next step.
 */
export async function freshStep(factor: { lastStep: number }): Promise<number> {
  for (;;) {
    const now = Date.now() / 1000;
    const current = Math.floor(now / 30);
    const earliest = now % 30 > 27 ? current : current - 1;
    const step = Math.max(earliest, factor.lastStep + 1);
    if (step <= current + 1) {
      factor.lastStep = step;
      return step;
    }
    await sleep((30 - (now % 30)) * 1000 + 200);
  }
}

/** A fresh TOTP code for an enrolled person. */
export async function nextCode(email: string): Promise<string> {
  const factor = secondFactorOf(email);
  if (!factor) throw new Error('this person has no second factor in the test');
  return codeAt(factor.secret, await freshStep(factor));
}

/** Sets up TOTP with an enrolment-only token the way the console does; answers the full token. */
export async function enrolSecondFactor(base: string, enrolmentToken: string, email: string): Promise<string> {
  const headers = { authorization: `Bearer ${enrolmentToken}`, 'content-type': 'application/json' };
  const started = await fetch(`${base}/api/me/mfa/totp`, { method: 'POST', headers });
  if (started.status !== 200) throw new Error(`enrolment failed: ${started.status}`);
  const { secret } = (await started.json()) as { secret: string };
  const factor = { lastStep: 0 };
  const step = await freshStep(factor);
  const confirmed = await fetch(`${base}/api/me/mfa/totp/confirm`, { method: 'POST', headers, body: JSON.stringify({ code: await codeAt(secret, step) }) });
  if (confirmed.status !== 200) throw new Error(`enrolment confirmation failed: ${confirmed.status}`);
  const body = (await confirmed.json()) as { recoveryCodes: string[]; accessToken: string };
  rememberSecondFactor(email, secret, step, body.recoveryCodes);
  return body.accessToken;
}

/** Signs in the second step with a fresh code; answers the HTTP response. */
export async function answerChallenge(base: string, email: string, token: string): Promise<Response> {
  return fetch(`${base}/api/auth/login/totp`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, code: await nextCode(email) }),
  });
}

/**
 * In the console: after the password, the code step for a person with a second factor (a
 * fresh code from their "app"); nothing for anyone else.
 */
export async function passCodeStep(page: import('playwright-core').Page, email: string): Promise<void> {
  if (!secondFactorOf(email)) return;
  await page.locator('[data-qa="login-code"]').waitFor();
  await page.fill('[data-qa="login-code"]', await nextCode(email));
  await page.click('[data-qa="login-code-submit"]');
}
