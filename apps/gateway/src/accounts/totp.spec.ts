import { newTotpSecret, totpCode, totpStep, totpUri } from './totp';

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it('matches the RFC 6238 SHA-1 test vector (truncated to 6 digits)', async () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s → 94287082
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(await totpCode(secret, 59)).toBe('287082');
    expect(await totpStep(secret, '287082', 59)).toBe(1);
  });

  it('accepts one step either side and no further', async () => {
    const secret = newTotpSecret();
    const now = 1_800_000_015;
    const step = Math.floor(now / 30);
    expect(await totpStep(secret, await totpCode(secret, now - 30), now)).toBe(step - 1);
    expect(await totpStep(secret, await totpCode(secret, now + 30), now)).toBe(step + 1);
    expect(await totpStep(secret, await totpCode(secret, now - 60), now)).toBeUndefined();
    expect(await totpStep(secret, await totpCode(secret, now + 60), now)).toBeUndefined();
  });

  it('refuses anything that is not six digits', async () => {
    const secret = newTotpSecret();
    for (const code of ['', '12345', '1234567', 'abcdef', ' 123456']) expect(await totpStep(secret, code)).toBeUndefined();
  });

  it('makes a base32 secret of 160 bits and an otpauth link with the standard parameters', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'Prystan', 'ada@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Prystan');
    expect(uri.searchParams.get('algorithm') ?? 'SHA1').toBe('SHA1');
    expect(uri.searchParams.get('digits') ?? '6').toBe('6');
    expect(uri.searchParams.get('period') ?? '30').toBe('30');
  });
});
