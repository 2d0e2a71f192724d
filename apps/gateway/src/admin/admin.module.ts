import { Module } from '@nestjs/common';
import { Notifier } from '@prystan/platform';
import { GatewayBroadcaster } from '../common/gateway-broadcaster';
import { ConversationService } from '../conversation/conversation.service';
import { AuditController } from './audit.controller';
import { CannedAdminController, CannedController } from './canned.controller';
import { MeController } from './me.controller';
import { ServicesAdminController } from './services-admin.controller';
import { SupervisionGateway } from './supervision.gateway';
import { SupervisionService } from './supervision.service';

/**
 * The console's backend beyond the core chat path: quick replies, preferences, directory
 * editing, the audit trail, and the supervision socket events (transfer, reassign, monitor,
 * lists). Repositories, config and the bus come from the global PlatformModule; the
 * Notifier here broadcasts through the same socket.io server (bound by SupervisionGateway).
 */
@Module({
  controllers: [CannedController, CannedAdminController, MeController, ServicesAdminController, AuditController],
  providers: [
    GatewayBroadcaster,
    { provide: Notifier, inject: [GatewayBroadcaster], useFactory: (b: GatewayBroadcaster) => new Notifier(b) },
    ConversationService,
    SupervisionService,
    SupervisionGateway,
  ],
})
export class AdminModule {}
