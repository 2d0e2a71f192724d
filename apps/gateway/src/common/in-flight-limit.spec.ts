import { InFlightLimit } from './in-flight-limit';

/** A task that runs until `finish` is called. */
function held(log: string[], name: string) {
  let finish!: (fail?: boolean) => void;
  const task = () => {
    log.push(`start ${name}`);
    return new Promise<string>((resolve, reject) => {
      finish = (fail) => (fail ? reject(new Error(`${name} failed`)) : resolve(name));
    });
  };
  return { task, finish: (fail?: boolean) => finish(fail) };
}

/** Lets every settled promise's continuations run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('InFlightLimit', () => {
  it('runs at most `limit` tasks at once and the rest in the order they came', async () => {
    const limit = new InFlightLimit(2);
    const log: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((name) => held(log, name));
    const results = tasks.map((t) => limit.run(t.task));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect([limit.inFlight, limit.waiting]).toEqual([2, 2]);

    tasks[1].finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    tasks[0].finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    expect([limit.inFlight, limit.waiting]).toEqual([2, 0]);

    tasks[2].finish();
    tasks[3].finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect([limit.inFlight, limit.waiting]).toEqual([0, 0]);
  });

  it('frees the room of a task that fails, and passes its error on', async () => {
    const limit = new InFlightLimit(1);
    const log: string[] = [];
    const first = held(log, 'a');
    const second = held(log, 'b');
    const failed = limit.run(first.task);
    const next = limit.run(second.task);
    await settle();
    first.finish(true);
    await expect(failed).rejects.toThrow('a failed');
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    second.finish();
    await expect(next).resolves.toBe('b');
    expect(limit.inFlight).toBe(0);
  });

  it('frees the room of a task that throws before it returns a promise', async () => {
    const limit = new InFlightLimit(1);
    await expect(limit.run(() => { throw new Error('at once'); })).rejects.toThrow('at once');
    await expect(limit.run(async () => 'after')).resolves.toBe('after');
    expect([limit.inFlight, limit.waiting]).toEqual([0, 0]);
  });

  it('keeps the order over a long line, and ends with no room held', async () => {
    const limit = new InFlightLimit(3);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 5000 }, (_, i) => limit.run(async () => {
      await settle();
      order.push(i);
    })));
    // three run side by side, each started in turn: no one overtakes by more than the limit
    order.forEach((n, i) => expect(Math.abs(n - i)).toBeLessThan(3));
    expect([limit.inFlight, limit.waiting]).toEqual([0, 0]);
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => new InFlightLimit(0)).toThrow(RangeError);
    expect(() => new InFlightLimit(1.5)).toThrow(RangeError);
  });
});
