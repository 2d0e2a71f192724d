import { originAllowed, socketOrigins } from './socket-surface';

describe('socket origins', () => {
  const configured = { publicUrl: 'https://chat.example.org', PUBLIC_URL: 'https://chat.example.org/', PORT: 3000, embedOrigins: ['https://fundacja.example.org'] };

  it('allows the public origin and the embedding sites only', () => {
    const allowed = socketOrigins(configured);
    expect([...allowed]).toEqual(['https://chat.example.org', 'https://fundacja.example.org']);
    expect(originAllowed('https://chat.example.org', allowed)).toBe(true);
    expect(originAllowed('https://fundacja.example.org', allowed)).toBe(true);
    for (const foreign of ['https://evil.example', 'http://chat.example.org', 'https://chat.example.org:8443', 'null', '', 'https://fundacja.example.org.evil.example']) {
      expect(originAllowed(foreign, allowed)).toBe(false);
    }
  });

  it('lets a client without an Origin header through (not a browser page)', () => {
    expect(originAllowed(undefined, socketOrigins(configured))).toBe(true);
  });

  it('without PUBLIC_URL, allows the loopback spellings of the default address', () => {
    const allowed = socketOrigins({ publicUrl: 'http://localhost:3000', PUBLIC_URL: undefined, PORT: 3000, embedOrigins: [] });
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) expect(originAllowed(origin, allowed)).toBe(true);
    expect(originAllowed('http://127.0.0.1:3001', allowed)).toBe(false);
    expect(originAllowed('http://192.168.1.5:3000', allowed)).toBe(false);
  });
});
