import { randomBytes } from 'node:crypto';
import { keyedHash } from '@prystan/crypto';

/**
 * Open connections per client in this process: at most `limit` at once. A client is named by a
 * hash of its address group under a salt that lives and dies with the process, so the map
 * holds no address. Counting here rather than in Redis is deliberate: what a flood exhausts is
 * a process (memory, descriptors), a count in memory is released by the same close that ends
 * the connection, and a crashed gateway takes its counts with it instead of leaving them to
 * lock people out (see docs/architecture.md).
 */
export class ConnectionCap {
  private readonly open = new Map<string, number>();
  private readonly salt = randomBytes(32);

  constructor(private readonly limit: number) {}

  /** A place for `group`, with its release (safe to call more than once), or undefined when it is full. */
  take(group: string): (() => void) | undefined {
    const key = keyedHash(this.salt, group);
    const count = this.open.get(key) ?? 0;
    if (count >= this.limit) return undefined;
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }

  /** How many clients hold places now (for tests and metrics: never who). */
  get clients(): number {
    return this.open.size;
  }
}
