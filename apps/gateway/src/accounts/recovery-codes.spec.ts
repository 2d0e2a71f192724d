import { randomBytes } from 'node:crypto';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('makes ten distinct, readable codes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it('hashes what was typed the same way whatever its case, spaces or dashes, and differently per secret', () => {
    const secret = randomBytes(32);
    const [code] = newRecoveryCodes();
    expect(hashRecoveryCode(secret, code.toUpperCase().replace('-', ' '))).toEqual(hashRecoveryCode(secret, code));
    expect(normaliseRecoveryCode(' AB-cd e ')).toBe('abcde');
    expect(hashRecoveryCode(randomBytes(32), code)).not.toEqual(hashRecoveryCode(secret, code));
  });
});
