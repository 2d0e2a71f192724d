import { Injectable } from '@nestjs/common';
import { ENUMS, PrystanMetrics, type CATALOGUE, type CheckedHistogram } from '@prystan/metrics';
import { BusWatchdog } from '../common/bus-watchdog';
import { GatewayBroadcaster } from '../common/gateway-broadcaster';

/**
 * What only a gateway can tell: how fast it acknowledges messages, whether it hears the
 * Redis bus, and how many sockets it holds. The line's gauges are the workers' (see
 * apps/worker/src/metrics/line-metrics.ts), so that gateways scale out without repeating them.
 */
@Injectable()
export class GatewayMetrics {
  readonly messageAck: CheckedHistogram<(typeof CATALOGUE)['messageAck']['labels']>;

  constructor(private readonly metrics: PrystanMetrics, bus: BusWatchdog, broadcaster: GatewayBroadcaster) {
    this.messageAck = metrics.histogram('messageAck');
    metrics.gauge('busHearing', (g) => g.set({}, bus.hearing ? 1 : 0));
    metrics.gauge('busRepairStage', (g) => g.set({}, bus.repairStage));
    metrics.gauge('sockets', (g) => {
      for (const namespace of ENUMS.namespace) {
        try {
          g.set({ namespace }, broadcaster.of(`/${namespace}`).sockets.size);
        } catch {
          // the socket.io server is not bound yet: no series rather than a false 0
        }
      }
    });
  }

  /** Reports the session starts waiting for their turn in this gateway, as `waiting()` tells them. */
  watchSessionStarts(waiting: () => number): void {
    this.metrics.gauge('sessionStartsWaiting', (g) => g.set({}, waiting()));
  }
}
