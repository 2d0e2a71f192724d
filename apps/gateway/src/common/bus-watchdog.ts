import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AppLogger } from '@prystan/logging';

/** The namespaces whose adapter pattern subscriptions the watchdog can restore. */
const NAMESPACES = ['/', '/chat', '/staff'];

export interface BusWatchdogTiming { beatEveryMs: number; staleAfterMs: number }
const DEFAULT_TIMING: BusWatchdogTiming = { beatEveryMs: 2_000, staleAfterMs: 7_000 };

/**
 * Proves, every two seconds, that this gateway still hears the Redis bus through the very
 * pattern subscription the socket.io adapter listens on: it publishes a heartbeat on a
 * channel of that pattern (a room nobody is in, so the adapter ignores it) and watches it
 * come back. Offers and messages from the worker and other gateways arrive the same way; a
 * gateway that stops hearing them would otherwise look healthy while counsellors get
 * nothing. When the beat goes stale it says so in the health check and the logs, subscribes
 * the adapter's patterns again and reconnects the subscriber.
 */
export class BusWatchdog {
  private readonly channel: string;
  private lastHeard = Date.now();
  private timer?: NodeJS.Timeout;
  private repairing = false;

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly socketIoKey: string,
    private readonly logger: AppLogger,
    private readonly timing: BusWatchdogTiming = DEFAULT_TIMING,
  ) {
    this.channel = `${socketIoKey}#/staff#bus-heartbeat:${randomUUID()}#`;
  }

  start(): void {
    this.sub.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer) => {
      if (channel.toString() !== this.channel) return;
      this.lastHeard = Date.now();
      if (this.repairing) this.logger.warn('the Redis bus is heard again');
      this.repairing = false;
    });
    this.timer = setInterval(() => this.beat(), this.timing.beatEveryMs);
    this.timer.unref();
  }

  /** False while the heartbeat has not come back for a while. */
  get hearing(): boolean {
    return Date.now() - this.lastHeard < this.timing.staleAfterMs;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private beat(): void {
    this.pub.publish(this.channel, '').catch(() => undefined);
    if (this.hearing || this.repairing) return;
    this.repairing = true;
    this.logger.error({ subscriber: this.sub.status, publisher: this.pub.status, silentForMs: Date.now() - this.lastHeard }, 'this gateway no longer hears the Redis bus; subscribing again');
    // the subscriber may have lost its patterns, or its connection may be stuck: restore both
    this.sub.disconnect(true);
    this.sub.psubscribe(...NAMESPACES.map((nsp) => `${this.socketIoKey}#${nsp}#*`)).catch(() => undefined);
    // try again after another stale period if it still does not come back
    setTimeout(() => { this.repairing = false; }, this.timing.staleAfterMs).unref();
  }
}
