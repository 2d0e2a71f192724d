import { PermanentDeliveryError } from './errors';
import { assertWebhookUrlAllowed, isLoopbackHost, WebhookUrlNotAllowedError } from './url-policy';

describe('webhook URL policy', () => {
  it('accepts https anywhere', () => {
    const url = assertWebhookUrlAllowed('https://crisis.example.org/hook?k=1', false);
    expect(url.hostname).toBe('crisis.example.org');
    expect(url.search).toBe('?k=1');
  });

  it('accepts plain http only on loopback, unless allowed', () => {
    for (const loopback of ['http://127.0.0.1:8080/h', 'http://127.9.9.9/h', 'http://localhost/h', 'http://LOCALHOST:3000/h', 'http://[::1]:9/h', 'http://127.1/h']) {
      expect(assertWebhookUrlAllowed(loopback, false).protocol).toBe('http:');
    }
    for (const remote of ['http://crisis.example.org/hook', 'http://10.0.0.5/h', 'http://128.0.0.1/h', 'http://[::2]/h', 'http://localhost.example.org/h', 'http://127.0.0.1.example.org/h']) {
      expect(() => assertWebhookUrlAllowed(remote, false)).toThrow(WebhookUrlNotAllowedError);
      expect(assertWebhookUrlAllowed(remote, true).protocol).toBe('http:');
    }
  });

  it('refuses credentials, other schemes and malformed URLs, even with http allowed', () => {
    const cases: [string, RegExp][] = [
      ['https://user:pw@x.example/h', /credentials/],
      ['https://user@x.example/h', /credentials/],
      ['ftp://x.example/h', /https:\/\//],
      ['javascript:alert(1)', /https:\/\//],
      ['file:///etc/passwd', /https:\/\//],
      ['not a url', /not a valid URL/],
      ['//x.example/h', /not a valid URL/],
      ['', /empty/],
    ];
    for (const [bad, message] of cases) {
      expect(() => assertWebhookUrlAllowed(bad, true)).toThrow(message);
      expect(() => assertWebhookUrlAllowed(bad, true)).toThrow(PermanentDeliveryError);
    }
  });

  it('never quotes the URL in its message (the query may hold a token)', () => {
    let thrown: unknown;
    try {
      assertWebhookUrlAllowed('http://crisis.example.org/hook?token=SECRET-TOKEN', false);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(PermanentDeliveryError);
    expect((thrown as Error).message).not.toMatch(/SECRET-TOKEN|crisis\.example/);
  });

  it('knows the loopback hosts', () => {
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost.')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  });
});
