import { reconnectDelayMs, RECONNECT_CAP_MS } from './connections';

describe('reconnectDelayMs', () => {
  it('starts short, doubles, and never waits more than half a second (new work within 2 s of Redis returning)', () => {
    expect([1, 2, 3, 4, 5, 6, 50, 10_000].map(reconnectDelayMs)).toEqual([50, 100, 200, 400, 500, 500, 500, 500]);
    expect(RECONNECT_CAP_MS).toBeLessThanOrEqual(500);
  });
});
