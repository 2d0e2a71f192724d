import { generate, generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as every authenticator app speaks it: SHA-1, 6 digits, 30-second steps. */
const TOTP = { algorithm: 'sha1', digits: 6, period: 30 } as const;
/** One step either side of now, for clocks a little apart and a code typed as it changes. */
const TOLERANCE_SECONDS = TOTP.period;

/** A new base32 secret of 20 random bytes (160 bits, RFC 4226's recommendation). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://` link an authenticator app reads from the QR code. */
export function totpUri(secret: string, issuer: string, account: string): string {
  return generateURI({ ...TOTP, issuer, label: account, secret });
}

/**
 * The time step `code` belongs to when it is right within ±1 step of `nowSeconds`, else
 * undefined. The caller makes the step single-use (the same step never signs in twice).
 */
export async function totpStep(secret: string, code: string, nowSeconds = Date.now() / 1000): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const epoch = Math.floor(nowSeconds);
  const result = await verify({ ...TOTP, secret, token: code, epoch, epochTolerance: TOLERANCE_SECONDS }).catch(() => undefined);
  // `delta` is the matching step's offset from now's step
  return result?.valid ? Math.floor(epoch / TOTP.period) + result.delta : undefined;
}

/** The code for a moment (tests and the command line use it; the server only verifies). */
export function totpCode(secret: string, atSeconds = Date.now() / 1000): Promise<string> {
  return generate({ ...TOTP, secret, epoch: Math.floor(atSeconds) });
}
