import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { ackUrl, createAckToken, verifyAckToken } from './ack-token';

describe('acknowledgement tokens', () => {
  const key = randomBytes(32);
  const id = randomUUID();

  it('round-trips the escalation id, in 46 base64url characters', () => {
    const token = createAckToken(key, id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{46}$/);
    expect(verifyAckToken(key, token)).toBe(id);
    expect(verifyAckToken(key, createAckToken(key, id.toUpperCase()))).toBe(id);
  });

  it('is the id bytes followed by a truncated HMAC-SHA256 (independent computation)', () => {
    const idBytes = Buffer.from(id.replace(/-/g, ''), 'hex');
    const mac = createHmac('sha256', key).update('prystan-ack:').update(idBytes).digest().subarray(0, 18);
    expect(createAckToken(key, id)).toBe(Buffer.concat([idBytes, mac]).toString('base64url'));
  });

  it('gives different ids different tokens, and is stable for one id', () => {
    expect(createAckToken(key, id)).toBe(createAckToken(key, id));
    expect(createAckToken(key, randomUUID())).not.toBe(createAckToken(key, id));
  });

  it('refuses every single-character change', () => {
    const token = createAckToken(key, id);
    for (let i = 0; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(verifyAckToken(key, changed)).toBeNull();
    }
  });

  it('refuses truncated, extended, foreign-key, swapped-id and malformed tokens without throwing', () => {
    const token = createAckToken(key, id);
    expect(verifyAckToken(key, token.slice(0, -1))).toBeNull();
    expect(verifyAckToken(key, `${token}A`)).toBeNull();
    expect(verifyAckToken(randomBytes(32), token)).toBeNull();
    const other = createAckToken(key, randomUUID());
    const spliced = Buffer.concat([Buffer.from(other, 'base64url').subarray(0, 16), Buffer.from(token, 'base64url').subarray(16)]).toString('base64url');
    expect(verifyAckToken(key, spliced)).toBeNull();
    for (const bad of ['', '../../etc/passwd', 'x'.repeat(46), token.replace(/[A-Za-z0-9_-]$/, '='), undefined as unknown as string]) {
      expect(verifyAckToken(key, bad)).toBeNull();
    }
  });

  it('accepts one spelling per token (no other base64url encoding of the same bytes)', () => {
    const token = createAckToken(key, id);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token[45]);
    const sameBytes = alphabet[(last & 0b110000) | ((last + 1) & 0b001111)];
    const alias = token.slice(0, 45) + sameBytes;
    expect(Buffer.from(alias, 'base64url').equals(Buffer.from(token, 'base64url'))).toBe(true);
    expect(verifyAckToken(key, alias)).toBeNull();
  });

  it('refuses non-UUID ids and short keys when creating', () => {
    expect(() => createAckToken(key, 'not-a-uuid')).toThrow(/UUID/);
    expect(() => createAckToken(Buffer.alloc(0), id)).toThrow(/key/);
  });

  it('builds the link under the public URL', () => {
    expect(ackUrl('https://chat.example.org/', 'abc_-9')).toBe('https://chat.example.org/api/escalations/ack/abc_-9');
    expect(ackUrl('https://example.org/prystan//', 'abc')).toBe('https://example.org/prystan/api/escalations/ack/abc');
  });
});
