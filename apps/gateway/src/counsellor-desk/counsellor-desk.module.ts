import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EscalationModule } from '../escalation/escalation.module';
import { CannedAdminController, CannedController } from './canned.controller';
import { MeController } from './me.controller';
import { StaffGateway } from './staff.gateway';
import { StaffSessionService } from './staff-session.service';

/** The counsellor's desk: the `/staff` namespace (presence, offers, chats), quick replies and their own preferences. */
@Module({
  imports: [AccountsModule, EscalationModule],
  controllers: [CannedController, CannedAdminController, MeController],
  providers: [StaffSessionService, StaffGateway],
})
export class CounsellorDeskModule {}
