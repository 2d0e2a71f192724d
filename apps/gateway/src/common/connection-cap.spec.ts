import { ConnectionCap } from './connection-cap';

describe('ConnectionCap', () => {
  it('gives each client at most `limit` places and takes one back on release', () => {
    const cap = new ConnectionCap(2);
    const first = cap.take('192.0.2.1')!;
    const second = cap.take('192.0.2.1')!;
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(cap.take('192.0.2.1')).toBeUndefined();
    expect(cap.take('192.0.2.2')).toBeDefined();
    first();
    expect(cap.take('192.0.2.1')).toBeDefined();
    expect(cap.take('192.0.2.1')).toBeUndefined();
  });

  it('releases a place once, however often the release is called', () => {
    const cap = new ConnectionCap(1);
    const release = cap.take('a')!;
    release();
    release();
    expect(cap.take('a')).toBeDefined();
    expect(cap.take('a')).toBeUndefined();
  });

  it('forgets a client whose last place was released', () => {
    const cap = new ConnectionCap(3);
    const releases = [cap.take('a')!, cap.take('a')!, cap.take('b')!];
    expect(cap.clients).toBe(2);
    releases.forEach((r) => r());
    expect(cap.clients).toBe(0);
  });
});
