import type { Redis } from 'ioredis';

/**
 * Runs `work` at most once per interval across every worker, and never leaves the last request
 * unserved. A Redis key that expires an interval after the last run ended decides who runs; a
 * request that finds it taken tries again when it expires. `work` reads the state when it runs,
 * so one run serves every request made before it began; a request made while an attempt is
 * under way is served by the next one. One attempt at a time per process.
 */
export class IntervalGate {
  private timer?: NodeJS.Timeout;
  private busy = false;
  private requestedWhileBusy = false;
  private stopped = false;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {}

  request(): void {
    if (this.stopped) return;
    if (this.busy) {
      this.requestedWhileBusy = true;
      return;
    }
    void this.attempt();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async attempt(): Promise<void> {
    this.busy = true;
    this.timer = undefined;
    // whatever was asked until now is served by this attempt, which reads the state later
    this.requestedWhileBusy = false;
    try {
      const won = await this.redis.set(this.key, process.pid.toString(), 'PX', this.intervalMs, 'NX');
      if (!won) {
        const wait = Math.max(50, await this.redis.pttl(this.key));
        if (!this.stopped) this.timer = setTimeout(() => void this.attempt(), wait);
        return;
      }
      await this.work();
      // the interval counts from when the work ended, so what it sent is a full interval apart from what the next run sends
      await this.redis.set(this.key, process.pid.toString(), 'PX', this.intervalMs);
    } catch (err) {
      this.onError(err);
    } finally {
      if (!this.timer) {
        this.busy = false;
        if (this.requestedWhileBusy) this.request();
      }
    }
  }
}
