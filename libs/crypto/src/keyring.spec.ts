import { createCipheriv, randomBytes } from 'node:crypto';
import { Keyring, keyIdOf } from './keyring';
import { SealedBox } from './sealed-box';
import { SEALED_FIELDS } from './sealed-fields';

describe('Keyring (AES-256-GCM, HKDF per purpose)', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const old = new Keyring([oldKey]);
  const both = new Keyring([newKey, oldKey]);
  const onlyNew = new Keyring([newKey]);

  it('records the sealing key id and opens with any listed key; new values use the first key', () => {
    const sealed = old.seal('message', 'Він погрожує мені', 'session-1');
    expect(sealed[0]).toBe(1);
    expect(old.describe(sealed)).toBe(keyIdOf(oldKey));
    expect(both.open('message', sealed, 'session-1')).toBe('Він погрожує мені');
    expect(both.isCurrent(sealed)).toBe(false);
    const resealed = both.seal('message', 'Він погрожує мені', 'session-1');
    expect(both.describe(resealed)).toBe(keyIdOf(newKey));
    expect(both.isCurrent(resealed)).toBe(true);
    expect(onlyNew.open('message', resealed, 'session-1')).toBe('Він погрожує мені');
    expect(() => onlyNew.open('message', sealed, 'session-1')).toThrow('does not open with any listed key');
    expect(onlyNew.describe(sealed)).toBe('legacy'); // an unlisted key's header is indistinguishable from the old format
  });

  it('a key id does not depend on the key\'s place, and reveals nothing of the key', () => {
    expect(new Keyring([oldKey, newKey]).keyIds).toEqual([keyIdOf(oldKey), keyIdOf(newKey)]);
    expect(keyIdOf(oldKey)).toMatch(/^[0-9a-f]{8}$/);
    expect(oldKey.toString('hex')).not.toContain(keyIdOf(oldKey));
  });

  it('keeps purposes apart: a value of one purpose does not open as another', () => {
    const sealed = both.seal('service-secret', 'secret', 'service:a');
    expect(() => both.open('message', sealed, 'service:a')).toThrow();
    expect(() => both.open('totp', sealed, 'service:a')).toThrow();
    expect(both.open('service-secret', sealed, 'service:a')).toBe('secret');
  });

  it('binds a webhook secret to its own service: copied to another service row it does not open', () => {
    const sealed = both.sealField(SEALED_FIELDS.serviceSecret('service-a'), 'webhook-secret-0123456789');
    expect(both.openField(SEALED_FIELDS.serviceSecret('service-a'), sealed)).toBe('webhook-secret-0123456789');
    expect(() => both.openField(SEALED_FIELDS.serviceSecret('service-b'), sealed)).toThrow();
  });

  it('refuses a tampered header, nonce, tag or body', () => {
    const sealed = both.seal('message', 'text', 'session-1');
    for (const at of [1, 6, 20, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at] ^= 1;
      expect(() => both.open('message', bad, 'session-1', 'session-1')).toThrow();
    }
  });

  it('refuses short tags: a truncated value, and an old-format value with a 4-byte tag', () => {
    const sealed = both.seal('message', '', 'session-1');
    expect(() => both.open('message', sealed.subarray(0, sealed.length - 1), 'session-1', 'session-1')).toThrow();
    // GCM with a 4-byte tag, as an attacker could produce: nonce | 4-byte tag, nothing else
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', newKey, nonce, { authTagLength: 4 });
    cipher.setAAD(Buffer.from('session-1'));
    cipher.update('');
    cipher.final();
    const shortTag = Buffer.concat([nonce, cipher.getAuthTag()]);
    expect(() => both.open('message', shortTag, 'session-1', 'session-1')).toThrow();
    expect(() => new SealedBox(newKey).open(shortTag, 'session-1')).toThrow('too short');
  });

  it('still opens values sealed before the keyring, with their old context, under any listed key', () => {
    const legacy = new SealedBox(oldKey).seal('stara wiadomość', 'session-1');
    expect(both.describe(legacy)).toBe('legacy');
    expect(both.openField(SEALED_FIELDS.message('session-1'), legacy)).toBe('stara wiadomość');
    const legacySecret = new SealedBox(oldKey).seal('webhook-secret', 'service-secret');
    expect(both.openField(SEALED_FIELDS.serviceSecret('any-service'), legacySecret)).toBe('webhook-secret');
    // a TOTP secret bound to another staff member does not open
    expect(() => both.openField(SEALED_FIELDS.totp('staff-1'), new SealedBox(oldKey).seal('JBSWY3DP', 'staff-totp:staff-2'))).toThrow();
    expect(both.openField(SEALED_FIELDS.totp('staff-1'), new SealedBox(oldKey).seal('JBSWY3DP', 'staff-totp:staff-1'))).toBe('JBSWY3DP');
  });

  it('refuses a key of the wrong size, an empty keyring and a key listed twice', () => {
    expect(() => new Keyring([randomBytes(16)])).toThrow('32 bytes');
    expect(() => new Keyring([])).toThrow('at least one key');
    expect(() => new Keyring([oldKey, Buffer.from(oldKey)])).toThrow('same key twice');
  });
});
