import { Controller, Get } from '@nestjs/common';
import { queueStatusPayload, type QueueStatus } from '@prystan/contract';
import { RoutingRepository } from '@prystan/persistence';
import { Roles } from '../accounts/decorators';

@Controller('api/queue')
export class QueueController {
  constructor(private readonly routing: RoutingRepository) {}

  /** The same payload managers receive live as `queue:status`. */
  @Get()
  @Roles('manager', 'admin')
  async status(): Promise<QueueStatus> {
    return queueStatusPayload(await this.routing.queueStatus());
  }
}
