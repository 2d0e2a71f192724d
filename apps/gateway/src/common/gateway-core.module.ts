import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '@prystan/config';
import type { AppLogger } from '@prystan/logging';
import { HEALTH_PROBE } from '@prystan/metrics';
import { GatewayHealth } from '../health/gateway-health';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { BusRecovery } from './bus-recovery';
import { BusWatchdog } from './bus-watchdog';
import { RateLimits } from './rate-limits';
import { SocketBus } from './socket-bus';
import { SocketDrain } from './socket-drain';
import { SocketsModule } from './sockets.module';

/**
 * What every feature of the gateway stands on, one instance each: the socket bus and its
 * watchdog, the drain on shutdown, the shared rate limits, the gateway's metrics and health.
 * Global, so a feature module lists only its own parts.
 */
@Global()
@Module({})
export class GatewayCoreModule {
  static forRoot(config: Config, logger: AppLogger): DynamicModule {
    return {
      module: GatewayCoreModule,
      imports: [SocketsModule],
      providers: [
        { provide: SocketBus, useFactory: () => new SocketBus(config, logger) },
        { provide: BusWatchdog, inject: [SocketBus], useFactory: (bus: SocketBus) => bus.watchdog },
        SocketDrain,
        BusRecovery,
        RateLimits,
        GatewayHealth,
        { provide: HEALTH_PROBE, useExisting: GatewayHealth },
        GatewayMetrics,
      ],
      exports: [SocketsModule, SocketBus, BusWatchdog, SocketDrain, RateLimits, GatewayHealth, HEALTH_PROBE, GatewayMetrics],
    };
  }
}
