import { Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '@prystan/config';
import { ConversationModule } from '@prystan/conversation';
import type { AppLogger } from '@prystan/logging';
import { HEALTH_PROBE, MetricsModule } from '@prystan/metrics';
import { Db, OperationsRepository } from '@prystan/persistence';
import { PlatformModule } from '@prystan/platform';
import { QUEUE } from '@prystan/queue';
import { RoutingModule } from '@prystan/routing';
import { WorkerHealth } from './health/worker-health';
import { LineMetrics } from './metrics/line-metrics';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MaintenanceService } from './maintenance/maintenance.service';
import { QueueStatusPublisher } from './queue-status/queue-status.publisher';
import { PositionsPublisher } from './routing/positions.publisher';
import { RoutingProcessor } from './routing/routing.processor';
import { EscalationDeliveryProcessor } from './escalation/escalation-delivery.processor';
import { EscalationDeliveryService } from './escalation/escalation-delivery.service';
import { EmitterModule } from './runtime/emitter.module';
import { JobWorkers } from './runtime/job-workers';
import { processorProviders } from './runtime/processors';
import { RedisReconciler } from './runtime/reconciler';
import { SessionClosureProcessor } from './sessions/session-closure.processor';
import { SessionClosureService } from './sessions/session-closure.service';

/** The processor of each queue (`@nestjs/bullmq`); one missing, or a job without a handler, refuses start. */
const PROCESSORS_BY_QUEUE = {
  [QUEUE.routing]: RoutingProcessor,
  [QUEUE.sessions]: SessionClosureProcessor,
  [QUEUE.maintenance]: MaintenanceProcessor,
  [QUEUE.escalations]: EscalationDeliveryProcessor,
};

/** The worker process: BullMQ processors only; it reaches sockets through the Redis emitter. */
@Module({})
export class WorkerModule {
  static forRoot(config: Config, logger: AppLogger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(config, logger, 'worker'), MetricsModule.forRoot('worker'), RoutingModule, EmitterModule, ConversationModule.forRoot(EmitterModule)],
      providers: [
        EscalationDeliveryService,
        QueueStatusPublisher,
        PositionsPublisher,
        SessionClosureService,
        MaintenanceService,
        ...processorProviders(PROCESSORS_BY_QUEUE, config),
        RedisReconciler,
        JobWorkers,
        { provide: OperationsRepository, inject: [Db], useFactory: (db: Db) => new OperationsRepository(db) },
        LineMetrics,
        WorkerHealth,
        { provide: HEALTH_PROBE, useExisting: WorkerHealth },
      ],
    };
  }
}
