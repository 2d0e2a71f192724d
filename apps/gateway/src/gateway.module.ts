import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Config } from '@prystan/config';
import { ConversationModule } from '@prystan/conversation';
import type { AppLogger } from '@prystan/logging';
import { HEALTH_PROBE, MetricsModule } from '@prystan/metrics';
import { PlatformModule } from '@prystan/platform';
import { RoutingModule } from '@prystan/routing';
import { AdminModule } from './admin/admin.module';
import { BoardController } from './admin/board.controller';
import { StaffAdminController } from './admin/staff-admin.controller';
import { AvailabilityController } from './api/availability.controller';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { SecondFactorController } from './auth/second-factor.controller';
import { SecondFactorService } from './auth/second-factor.service';
import { TokenLiveness } from './auth/token-liveness';
import { StaffAuthGuard } from './auth/staff-auth.guard';
import { QueueController } from './api/queue.controller';
import { ServicesController } from './api/services.controller';
import { StatsController } from './api/stats.controller';
import { ChatGateway } from './chat/chat.gateway';
import { ChatService } from './chat/chat.service';
import { BusRecovery } from './common/bus-recovery';
import { BusWatchdog } from './common/bus-watchdog';
import { PublicThrottleGuard } from './common/public-throttle.guard';
import { SocketBus } from './common/socket-bus';
import { SocketDrain } from './common/socket-drain';
import { SocketsModule } from './common/sockets.module';
import { RateLimits } from './common/rate-limits';
import { EscalationController } from './escalation/escalation.controller';
import { EscalationService } from './escalation/escalation.service';
import { RiskService } from './risk/risk.service';
import { GatewayHealth } from './health/gateway-health';
import { HealthController } from './health/health.controller';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { StaffGateway } from './staff/staff.gateway';
import { StaffSessionService } from './staff/staff-session.service';
import { WebController } from './web/web.controller';

/** The gateway process: HTTP API, pages and both socket.io namespaces. It never runs processors. */
@Module({})
export class GatewayModule {
  static forRoot(config: Config, logger: AppLogger): DynamicModule {
    return {
      module: GatewayModule,
      imports: [PlatformModule.forRoot(config, logger, 'gateway'), MetricsModule.forRoot('gateway'), RoutingModule, SocketsModule, ConversationModule.forRoot(SocketsModule), AdminModule],
      controllers: [HealthController, AuthController, SecondFactorController, AvailabilityController, QueueController, StatsController, ServicesController, EscalationController, StaffAdminController, BoardController, WebController],
      providers: [
        { provide: APP_GUARD, useClass: StaffAuthGuard },
        { provide: APP_GUARD, useClass: PublicThrottleGuard },
        { provide: SocketBus, useFactory: () => new SocketBus(config, logger) },
        { provide: BusWatchdog, inject: [SocketBus], useFactory: (bus: SocketBus) => bus.watchdog },
        SocketDrain,
        BusRecovery,
        GatewayHealth,
        { provide: HEALTH_PROBE, useExisting: GatewayHealth },
        GatewayMetrics,
        AuthService,
        LoginThrottle,
        TokenLiveness,
        SecondFactorService,
        RateLimits,
        RiskService,
        ChatService,
        ChatGateway,
        StaffSessionService,
        EscalationService,
        StaffGateway,
      ],
    };
  }
}
