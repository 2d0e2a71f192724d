/**
 * At most `limit` tasks at once; the others wait their turn in the order they came. Used for
 * session starts: in a surge, a hundred starts at once all run their database statements side
 * by side and share the cores with every live chat's message, which then waits behind all of
 * them. Taken a few at a time, the starts finish nearly as fast (they are bound by the same CPU)
 * and a live chat's message, which never waits here, finds few statements ahead of it.
 */
export class InFlightLimit {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  /** the index in `queue` of the next in line (shifting a long array on every turn is O(n)) */
  private head = 0;

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('the limit must be a whole number of at least 1');
  }

  /** Runs `task` when there is room, and frees its room when it settles, fulfilled or not. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running += 1;
    else await new Promise<void>((resolve) => this.queue.push(resolve)); // the room is handed over, not freed
    try {
      return await task();
    } finally {
      this.next();
    }
  }

  /** Tasks waiting for room. */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  /** Tasks running now. */
  get inFlight(): number {
    return this.running;
  }

  /** Hands the room of a task that settled to the next in line, or frees it. */
  private next(): void {
    if (this.head === this.queue.length) {
      this.running -= 1;
      return;
    }
    const resume = this.queue[this.head];
    this.head += 1;
    // drop what was served: all of it once the line is empty, the front half of a long line
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    resume();
  }
}
