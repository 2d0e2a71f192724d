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
 * nothing. When the beat goes stale it says so in the health check and the logs and
 * subscribes the adapter's patterns again; if that does not bring it back, it reconnects
 * the subscriber.
 */
export class BusWatchdog {
  private readonly channel: string;
  private lastHeard = Date.now();
  private lastTick = Date.now();
  private timer?: NodeJS.Timeout;
  /** 0: hearing; 1: patterns subscribed again; 2: subscriber reconnected too (a metric reads it) */
  private stage = 0;
  private repairedAt = 0;

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
    // the silence is counted from now: a slow start (Nest, migrations of a busy machine) is not deafness
    this.lastHeard = this.lastTick = Date.now();
    this.sub.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer) => {
      if (channel.toString() !== this.channel) return;
      this.lastHeard = Date.now();
      if (this.stage > 0) this.logger.warn('the Redis bus is heard again');
      this.stage = 0;
    });
    this.timer = setInterval(() => this.beat(), this.timing.beatEveryMs);
    this.timer.unref();
  }

  /** False while the heartbeat has not come back for a while. */
  get hearing(): boolean {
    return Date.now() - this.lastHeard < this.timing.staleAfterMs;
  }

  /** 0: hearing; 1: patterns subscribed again; 2: subscriber reconnected too. */
  get repairStage(): number {
    return this.stage;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private beat(): void {
    const now = Date.now();
    // after the process itself stalled, heartbeats may still wait unread in the socket: judge nothing this time
    const onSchedule = now - this.lastTick < 2 * this.timing.beatEveryMs;
    this.lastTick = now;
    this.pub.publish(this.channel, '').catch(() => undefined);
    if (!onSchedule || this.hearing) return;
    if (this.stage > 0 && now - this.repairedAt < this.timing.staleAfterMs) return;
    this.repairedAt = now;
    const silentForMs = now - this.lastHeard;
    if (this.stage === 0) {
      // gentle first: the patterns again (harmless if they are still there), nothing unread is lost
      this.stage = 1;
      this.logger.error({ subscriber: this.sub.status, publisher: this.pub.status, silentForMs }, 'this gateway no longer hears the Redis bus; subscribing again');
      this.sub.psubscribe(...NAMESPACES.map((nsp) => `${this.socketIoKey}#${nsp}#*`)).catch(() => undefined);
      return;
    }
    // still silent: the connection itself may be stuck; ioredis subscribes everything again on reconnect
    this.stage = 2;
    this.logger.error({ subscriber: this.sub.status, publisher: this.pub.status, silentForMs }, 'this gateway still does not hear the Redis bus; reconnecting its subscriber');
    this.sub.disconnect(true);
  }
}
