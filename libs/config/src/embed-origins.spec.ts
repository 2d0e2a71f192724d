import { randomBytes } from 'node:crypto';
import { isLoopback, parseEmbedOrigins } from './embed-origins';
import { ConfigError, loadConfig } from './load-config';

const keys = { MESSAGE_KEY: randomBytes(32).toString('base64'), APP_SECRET: randomBytes(32).toString('base64') };

describe('EMBED_ORIGINS', () => {
  it.each([
    'https://fundacja.example.org',
    'https://fundacja.example.org:8443',
    'https://192.0.2.10',
    'https://[2001:db8::1]:8443',
    'http://localhost:8080',
    'http://127.0.0.1:5173',
    'http://127.8.9.10',
    'http://[::1]:3000',
    'https://xn--bcher-kva.example',
  ])('accepts the origin %s', (origin) => {
    expect(parseEmbedOrigins(origin)).toEqual({ origins: [origin], errors: [] });
  });

  it.each([
    ['a path', 'https://fundacja.example.org/chat'],
    ['a trailing slash', 'https://fundacja.example.org/'],
    ['a query', 'https://fundacja.example.org?x=1'],
    ['a fragment', 'https://fundacja.example.org#top'],
    ['a wildcard host', 'https://*.example.org'],
    ['a bare wildcard', '*'],
    ['user and password', 'https://user:secret@fundacja.example.org'],
    ['plain http on a public host', 'http://fundacja.example.org'],
    ['plain http on a private address', 'http://10.0.0.5'],
    ['plain http on a name that only starts like localhost', 'http://localhost.example.org'],
    ['another scheme', 'ftp://fundacja.example.org'],
    ['a websocket scheme', 'wss://fundacja.example.org'],
    ['no scheme', 'fundacja.example.org'],
    ['the default port written out', 'https://fundacja.example.org:443'],
    ['capitals', 'https://Fundacja.example.org'],
    ['an unencoded international name', 'https://bücher.example'],
    ['a null origin', 'null'],
    ['a quoted CSP keyword', "'self'"],
  ])('refuses %s', (_why, entry) => {
    const { origins, errors } = parseEmbedOrigins(entry);
    expect(origins).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^entry 1 .*https:\/\/host/);
  });

  it('tells the operator what the browser would send instead', () => {
    expect(parseEmbedOrigins('https://fundacja.example.org/').errors[0]).toContain('the browser sends https://fundacja.example.org');
    expect(parseEmbedOrigins('https://bücher.example').errors[0]).toContain('https://xn--bcher-kva.example');
  });

  it('never repeats a user name or password in the error', () => {
    const [error] = parseEmbedOrigins('https://a.example https://user:secret@b.example').errors;
    expect(error).toMatch(/^entry 2 has a user name or password/);
    expect(error).not.toContain('secret');
  });

  it('parses a space-separated list, ignoring extra spaces and repeats', () => {
    expect(parseEmbedOrigins('  https://a.example\n https://b.example:444  https://a.example ').origins).toEqual(['https://a.example', 'https://b.example:444']);
    expect(parseEmbedOrigins('').origins).toEqual([]);
  });

  it('stops the start with a configuration error naming every bad entry', () => {
    let error: Error | undefined;
    try {
      loadConfig({ ...keys, EMBED_ORIGINS: 'https://ok.example https://bad.example/ http://plain.example', PORT: 'eighty' });
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain('PORT');
    expect(error!.message).toContain('EMBED_ORIGINS: entry 2 (https://bad.example/)');
    expect(error!.message).toContain('EMBED_ORIGINS: entry 3 (http://plain.example) uses http');
    expect(error!.message).not.toContain('entry 1');
  });

  it('resolves the valid list into the configuration', () => {
    expect(loadConfig({ ...keys, EMBED_ORIGINS: 'https://a.example http://127.0.0.1:8080' }).embedOrigins).toEqual(['https://a.example', 'http://127.0.0.1:8080']);
  });

  it('knows loopback hosts', () => {
    for (const host of ['localhost', '127.0.0.1', '127.255.0.1', '[::1]', '::1']) expect(isLoopback(host)).toBe(true);
    for (const host of ['128.0.0.1', '10.0.0.1', '[::2]', 'localhost.example', '0.0.0.0', '[::ffff:127.0.0.1]']) expect(isLoopback(host)).toBe(false);
  });
});

describe('SOCKETS_PER_ADDRESS', () => {
  it('defaults to 50 and refuses nonsense', () => {
    expect(loadConfig({ ...keys }).SOCKETS_PER_ADDRESS).toBe(50);
    expect(loadConfig({ ...keys, SOCKETS_PER_ADDRESS: '3' }).SOCKETS_PER_ADDRESS).toBe(3);
    expect(() => loadConfig({ ...keys, SOCKETS_PER_ADDRESS: '0' })).toThrow(/SOCKETS_PER_ADDRESS/);
    expect(() => loadConfig({ ...keys, SOCKETS_PER_ADDRESS: 'many' })).toThrow(/SOCKETS_PER_ADDRESS/);
  });
});
