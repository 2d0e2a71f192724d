import { Module } from '@nestjs/common';
import { BoardController } from './board.controller';
import { QueueController } from './queue.controller';
import { SupervisionGateway } from './supervision.gateway';
import { SupervisionService } from './supervision.service';

/** The duty manager's view: the board, the line's status, and the supervision events (transfer, reassign, monitor, lists). */
@Module({
  controllers: [BoardController, QueueController],
  providers: [SupervisionService, SupervisionGateway],
})
export class SupervisionModule {}
