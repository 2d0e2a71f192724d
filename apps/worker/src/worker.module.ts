import { Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '@prystan/config';
import { ConversationModule } from '@prystan/conversation';
import type { AppLogger } from '@prystan/logging';
import { HEALTH_PROBE, MetricsModule } from '@prystan/metrics';
import { Db, OperationsRepository } from '@prystan/persistence';
import { PlatformModule } from '@prystan/platform';
import { RoutingModule } from '@prystan/routing';
import { WorkerHealth } from './health/worker-health';
import { LineMetrics } from './metrics/line-metrics';
import { MaintenanceService } from './maintenance/maintenance.service';
import { QueueStatusPublisher } from './queue-status/queue-status.publisher';
import { RoutingProcessor } from './routing/routing.processor';
import { EscalationDeliveryService } from './escalation/escalation-delivery.service';
import { EmitterModule } from './runtime/emitter.module';
import { ESCALATION_HANDLER } from './runtime/escalation-handler';
import { JobRunner } from './runtime/job-runner';
import { RedisReconciler } from './runtime/reconciler';
import { SessionClosureService } from './sessions/session-closure.service';

/** The worker process: BullMQ processors only; it reaches sockets through the Redis emitter. */
@Module({})
export class WorkerModule {
  static forRoot(config: Config, logger: AppLogger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(config, logger, 'worker'), MetricsModule.forRoot('worker'), RoutingModule, EmitterModule, ConversationModule.forRoot(EmitterModule)],
      providers: [
        EscalationDeliveryService,
        { provide: ESCALATION_HANDLER, useExisting: EscalationDeliveryService },
        QueueStatusPublisher,
        RoutingProcessor,
        SessionClosureService,
        MaintenanceService,
        RedisReconciler,
        JobRunner,
        { provide: OperationsRepository, inject: [Db], useFactory: (db: Db) => new OperationsRepository(db) },
        LineMetrics,
        WorkerHealth,
        { provide: HEALTH_PROBE, useExisting: WorkerHealth },
      ],
    };
  }
}
