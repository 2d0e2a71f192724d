import { retryLater } from './retry-later';

describe('retryLater', () => {
  it('starts after the current turn, so the caller answers first', async () => {
    const order: string[] = [];
    const done = retryLater(async () => { order.push('task'); }, [], () => undefined);
    order.push('answered');
    await done;
    expect(order).toEqual(['answered', 'task']);
  });

  it('retries a failing task until it succeeds, telling each failure', async () => {
    let calls = 0;
    const failures: [number, boolean][] = [];
    await retryLater(async () => { if (++calls < 3) throw new Error('down'); }, [1, 1, 1], (_e, n, final) => failures.push([n, final]));
    expect(calls).toBe(3);
    expect(failures).toEqual([[1, false], [2, false]]);
  });

  it('gives up after the last delay and says the failure was final', async () => {
    let calls = 0;
    const failures: [number, boolean][] = [];
    await retryLater(async () => { calls += 1; throw new Error('down'); }, [1, 1], (_e, n, final) => failures.push([n, final]));
    expect(calls).toBe(3);
    expect(failures).toEqual([[1, false], [2, false], [3, true]]);
  });
});
