import { Module } from '@nestjs/common';
import { SocketsModule } from '../common/sockets.module';
import { AuditController } from './audit.controller';
import { CannedAdminController, CannedController } from './canned.controller';
import { MeController } from './me.controller';
import { ServicesAdminController } from './services-admin.controller';
import { SupervisionGateway } from './supervision.gateway';
import { SupervisionService } from './supervision.service';

/**
 * The console's backend beyond the core chat path: quick replies, preferences, directory
 * editing, the audit trail, and the supervision socket events (transfer, reassign, monitor,
 * lists). Repositories, config and the bus come from the global PlatformModule, the
 * conversation from the global ConversationModule, the Notifier from the gateway's one
 * SocketsModule.
 */
@Module({
  imports: [SocketsModule],
  controllers: [CannedController, CannedAdminController, MeController, ServicesAdminController, AuditController],
  providers: [
    SupervisionService,
    SupervisionGateway,
  ],
})
export class AdminModule {}
