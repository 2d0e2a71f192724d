import { ClientError } from '@prystan/contract';
import { VerifyGate } from './verify-gate';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('VerifyGate', () => {
  it('runs at most `concurrency` at once, the rest in arrival order', async () => {
    const gate = new VerifyGate(2, 10);
    const blockers = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    let peak = 0;
    let now = 0;
    const runs = blockers.map((b, i) => gate.run(async () => {
      started.push(i);
      peak = Math.max(peak, ++now);
      await b.promise;
      now--;
      return i;
    }));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    blockers[1].resolve();
    blockers[0].resolve();
    blockers[2].resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(started).toEqual([0, 1, 2]);
    expect(peak).toBe(2);
  });

  it('answers `unavailable` when the line is full, and frees its slot after a failure', async () => {
    const gate = new VerifyGate(1, 1);
    const hold = deferred();
    const first = gate.run(() => hold.promise);
    const second = gate.run(async () => 'second');
    await expect(gate.run(async () => 'third')).rejects.toMatchObject({ code: 'unavailable' });
    await expect(gate.run(async () => 'x')).rejects.toBeInstanceOf(ClientError);
    hold.resolve();
    await first;
    expect(await second).toBe('second');
    await expect(gate.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await gate.run(async () => 'after')).toBe('after');
  });
});
