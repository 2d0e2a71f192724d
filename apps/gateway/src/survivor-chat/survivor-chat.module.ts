import { Module } from '@nestjs/common';
import { AvailabilityController } from './availability.controller';
import { ChatGateway } from './chat.gateway';
import { ChatService } from './chat.service';
import { RiskService } from './risk.service';

/** The survivor's side: the `/chat` namespace, whether anyone is on duty, and risk detection on what she writes. */
@Module({
  controllers: [AvailabilityController],
  providers: [ChatService, RiskService, ChatGateway],
})
export class SurvivorChatModule {}
