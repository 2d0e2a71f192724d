import { hostOrigin } from './host-page';

describe('the host page an embedded chat talks to', () => {
  const own = 'https://chat.example.org';
  const listed = 'https://fundacja.example.org https://other.example.org:8443';

  it('is the parent the browser reports, when it is listed', () => {
    expect(hostOrigin(listed, 'https://fundacja.example.org', null, own)).toBe('https://fundacja.example.org');
    expect(hostOrigin(listed, 'https://other.example.org:8443', 'https://fundacja.example.org', own)).toBe('https://other.example.org:8443');
  });

  it('falls back to the origin the loader gave, when it is listed', () => {
    expect(hostOrigin(listed, undefined, 'https://fundacja.example.org', own)).toBe('https://fundacja.example.org');
  });

  it('may be the service itself', () => {
    expect(hostOrigin('', undefined, own, own)).toBe(own);
  });

  it('is nobody when the parent is not listed, or unknown: never a wildcard', () => {
    expect(hostOrigin(listed, 'https://evil.example', 'https://fundacja.example.org', own)).toBeUndefined();
    expect(hostOrigin(listed, undefined, 'https://evil.example', own)).toBeUndefined();
    expect(hostOrigin(listed, undefined, '*', own)).toBeUndefined();
    expect(hostOrigin(listed, undefined, null, own)).toBeUndefined();
    expect(hostOrigin(undefined, undefined, 'https://fundacja.example.org', own)).toBeUndefined();
    // a page served without the gateway's list (placeholder left in) or a bad value never becomes a target
    expect(hostOrigin('%EMBED_ORIGINS%', undefined, '%EMBED_ORIGINS%', own)).toBeUndefined();
    expect(hostOrigin('https://a.example/path', undefined, 'https://a.example/path', own)).toBeUndefined();
  });
});
