import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Config } from '@prystan/config';
import { ConversationModule } from '@prystan/conversation';
import type { AppLogger } from '@prystan/logging';
import { MetricsModule } from '@prystan/metrics';
import { PlatformModule } from '@prystan/platform';
import { RoutingModule } from '@prystan/routing';
import { AccountsModule } from './accounts/accounts.module';
import { StaffAuthGuard } from './accounts/staff-auth.guard';
import { AuditModule } from './audit/audit.module';
import { GatewayCoreModule } from './common/gateway-core.module';
import { PublicThrottleGuard } from './common/public-throttle.guard';
import { SocketsModule } from './common/sockets.module';
import { CounsellorDeskModule } from './counsellor-desk/counsellor-desk.module';
import { DirectoryModule } from './directory/directory.module';
import { EscalationModule } from './escalation/escalation.module';
import { HealthController } from './health/health.controller';
import { StatisticsModule } from './statistics/statistics.module';
import { SupervisionModule } from './supervision/supervision.module';
import { SurvivorChatModule } from './survivor-chat/survivor-chat.module';
import { WebController } from './web/web.controller';

/**
 * The gateway process: HTTP API, pages and the socket.io namespaces, one feature module per
 * thing it serves. It never runs processors. Both guards run on every route: staff routes
 * need a token and a role, public routes are throttled.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: Config, logger: AppLogger): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forRoot(config, logger, 'gateway'),
        MetricsModule.forRoot('gateway'),
        RoutingModule,
        GatewayCoreModule.forRoot(config, logger),
        ConversationModule.forRoot(SocketsModule),
        AccountsModule,
        SurvivorChatModule,
        CounsellorDeskModule,
        SupervisionModule,
        EscalationModule,
        DirectoryModule,
        StatisticsModule,
        AuditModule,
      ],
      controllers: [HealthController, WebController],
      providers: [
        { provide: APP_GUARD, useClass: StaffAuthGuard },
        { provide: APP_GUARD, useClass: PublicThrottleGuard },
      ],
    };
  }
}
