import { randomBytes } from 'node:crypto';
import { SealedBox } from './sealed-box';

describe('SealedBox (AES-256-GCM)', () => {
  const box = new SealedBox(randomBytes(32));

  it('round-trips text and never stores it in the clear', () => {
    const sealed = box.seal('Він погрожує мені', 'session-1');
    expect(sealed.includes(Buffer.from('погрожує'))).toBe(false);
    expect(box.open(sealed, 'session-1')).toBe('Він погрожує мені');
  });

  it('uses a fresh nonce for every value', () => {
    expect(box.seal('same', 'c').equals(box.seal('same', 'c'))).toBe(false);
  });

  it('refuses a ciphertext moved to another context or tampered with', () => {
    const sealed = box.seal('text', 'session-1');
    expect(() => box.open(sealed, 'session-2')).toThrow();
    sealed[sealed.length - 1] ^= 1;
    expect(() => box.open(sealed, 'session-1')).toThrow();
  });

  it('refuses a key of the wrong size', () => {
    expect(() => new SealedBox(randomBytes(16))).toThrow('32-byte');
  });
});
