import { createHmac, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read off paper and typed by hand

/** Ten one-time codes like `k7m2p-x9qrt` (10 characters from 31: ~49 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What a person types, made comparable: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}

/**
 * Stored as an HMAC under the application secret, so a database dump alone does not let
 * anyone search the codes offline.
 */
export function hashRecoveryCode(secret: Buffer, code: string): Buffer {
  return createHmac('sha256', secret).update(`recovery-code|${normaliseRecoveryCode(code)}`, 'utf8').digest();
}
