import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { JOB, QUEUE } from '@prystan/queue';
import { QueueProcessor } from '../runtime/queue-processor';
import { MaintenanceService } from './maintenance.service';

/** The periodic sweep, on the schedule the reconciler keeps in Redis (`SWEEP_SCHEDULE`). */
@Processor(QUEUE.maintenance)
export class MaintenanceProcessor extends QueueProcessor<typeof QUEUE.maintenance> {
  protected readonly handlers = {
    [JOB.sweep]: () => this.maintenance.sweep(),
  };

  constructor(private readonly maintenance: MaintenanceService, @Inject(LOGGER) protected readonly logger: AppLogger) {
    super();
  }
}
