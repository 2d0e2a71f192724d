import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './signature';

const SECRET = 'service-secret-0123456789abcdef';
const T = 1_700_000_000;
const at = (seconds: number) => ({ now: new Date(seconds * 1000) });

describe('signWebhook', () => {
  it('is sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>"> (independent computation)', () => {
    const body = '{"escalationId":"e1","details":{"summary":"Вона в небезпеці"}}';
    const expected = createHmac('sha256', SECRET).update(Buffer.from(`${T}.${body}`, 'utf8')).digest('hex');
    expect(signWebhook(SECRET, T, body)).toBe(`sha256=${expected}`);
    expect(signWebhook(SECRET, T, Buffer.from(body, 'utf8'))).toBe(`sha256=${expected}`);
  });

  it('matches a fixed vector', () => {
    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
    expect(signWebhook('s3cret', T, '{"a":1}')).toBe('sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940');
  });
});

describe('verifyWebhookSignature', () => {
  const body = '{"escalationId":"e1"}';
  const sig = signWebhook(SECRET, T, body);

  it('accepts a good signature within the tolerance, either side of now', () => {
    expect(verifyWebhookSignature(SECRET, String(T), sig, body, at(T))).toBe(true);
    expect(verifyWebhookSignature(SECRET, String(T), sig, body, at(T + 300))).toBe(true);
    expect(verifyWebhookSignature(SECRET, String(T), sig, body, at(T - 300))).toBe(true);
    expect(verifyWebhookSignature(SECRET, String(T), sig, Buffer.from(body), { now: T * 1000 })).toBe(true);
  });

  it('refuses timestamps outside the tolerance (default 300 s, configurable)', () => {
    expect(verifyWebhookSignature(SECRET, String(T), sig, body, at(T + 301))).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(T), sig, body, at(T - 301))).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(T), sig, body, { ...at(T + 1000), toleranceSeconds: 1000 })).toBe(true);
    expect(verifyWebhookSignature(SECRET, String(T), sig, body, { ...at(T + 2), toleranceSeconds: 1 })).toBe(false);
  });

  it('uses the clock by default', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhookSignature(SECRET, String(now), signWebhook(SECRET, now, body), body)).toBe(true);
    expect(verifyWebhookSignature(SECRET, String(T), sig, body)).toBe(false);
  });

  it('refuses a tampered body, timestamp or signature, or another secret', () => {
    expect(verifyWebhookSignature(SECRET, String(T), sig, body + ' ', at(T))).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(T + 1), sig, body, at(T))).toBe(false);
    expect(verifyWebhookSignature('another-secret', String(T), sig, body, at(T))).toBe(false);
    const flipped = sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0');
    expect(verifyWebhookSignature(SECRET, String(T), flipped, body, at(T))).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(T), sig.slice(7), body, at(T))).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(T), `${sig}00`, body, at(T))).toBe(false);
  });

  it('refuses missing or malformed headers without throwing', () => {
    for (const ts of [undefined, null, '', 'soon', '1.7e9', '-1700000000', `${T}.5`]) {
      expect(verifyWebhookSignature(SECRET, ts, sig, body, at(T))).toBe(false);
    }
    for (const s of [undefined, null, '', 'sha256=']) expect(verifyWebhookSignature(SECRET, String(T), s, body, at(T))).toBe(false);
  });
});
