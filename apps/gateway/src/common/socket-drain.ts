import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Socket } from 'socket.io';
import { LOGGER, type AppLogger } from '@prystan/logging';

/** How long events already being handled get to finish on shutdown. */
const DRAIN_DEADLINE_MS = 5000;

const RESTARTING = { ok: false, error: { code: 'unavailable', message: 'this server is restarting; reconnecting' } };

type Ack = (...args: unknown[]) => void;

/**
 * A gateway's graceful stop, before Nest closes the sockets and the HTTP server: it stops
 * listening (new connections go to another gateway; the proxy's health check fails), answers
 * new events on open sockets with `unavailable` (the client sends them again once it has
 * reconnected), and waits until every event already being handled has been acknowledged.
 * Nest then closes the sockets; clients see a dropped transport and reconnect elsewhere.
 */
@Injectable()
export class SocketDrain implements BeforeApplicationShutdown {
  private inFlight = 0;
  private draining = false;
  private idle?: () => void;

  constructor(private readonly http: HttpAdapterHost, @Inject(LOGGER) private readonly logger: AppLogger) {}

  /** socket.io packet middleware: counts each event that expects an acknowledgement until it has one. */
  readonly track = (_socket: Socket) => (packet: unknown[], next: (err?: Error) => void): void => {
    const last = packet.length - 1;
    const ack = packet[last];
    if (typeof ack !== 'function') return next();
    if (this.draining) return (ack as Ack)(RESTARTING);
    this.inFlight += 1;
    let answered = false;
    packet[last] = (...args: unknown[]) => {
      if (!answered) {
        answered = true;
        this.settle();
      }
      (ack as Ack)(...args);
    };
    next();
  };

  async beforeApplicationShutdown(): Promise<void> {
    this.draining = true;
    const server = this.http.httpAdapter?.getHttpServer();
    // stop listening at once; open connections stay until Nest closes them after this hook
    server?.close();
    const waiting = this.inFlight;
    const drained = this.inFlight === 0 || (await Promise.race([
      new Promise<boolean>((resolve) => (this.idle = () => resolve(true))),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), DRAIN_DEADLINE_MS).unref()),
    ]));
    this.logger.info({ waiting, drained, unanswered: this.inFlight }, 'gateway drained; closing its sockets');
  }

  private settle(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) this.idle?.();
  }
}
