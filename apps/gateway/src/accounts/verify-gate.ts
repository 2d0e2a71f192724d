import { unavailable } from '@prystan/contract';

/**
 * Caps how many password hashes are checked at once. argon2id at OWASP's cost takes ~19 MiB
 * and tens of milliseconds each; a burst of sign-ins (or an attack) must not take the whole
 * gateway's memory and event-loop threads from the chats it serves. Excess callers wait in
 * line; when the line itself is long, they are told to come back (503) instead.
 */
export class VerifyGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly concurrency: number, private readonly maxWaiting: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(unavailable('too many sign-ins at once; try again in a moment'));
    // the slot is handed over directly by `leave`, so `running` stays counted
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
