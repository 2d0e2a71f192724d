import { Module, type DynamicModule } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { Config } from '@prystan/config';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { HEALTH_PROBE, MetricsModule } from '@prystan/metrics';
import { Db, OperationsRepository } from '@prystan/persistence';
import { Notifier, PlatformModule, QueueBus, REDIS, SessionEnding, socketIoKey, type Broadcaster } from '@prystan/platform';
import { createRedis } from '@prystan/queue';
import { WorkerHealth } from './health/worker-health';
import { LineMetrics } from './metrics/line-metrics';
import { MaintenanceService } from './maintenance/maintenance.service';
import { QueueStatusPublisher } from './queue-status/queue-status.publisher';
import { RoutingProcessor } from './routing/routing.processor';
import { EscalationDeliveryService } from './escalation/escalation-delivery.service';
import { EMITTER_REDIS, EmitterConnection } from './runtime/emitter-connection';
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
      imports: [PlatformModule.forRoot(config, logger, 'worker'), MetricsModule.forRoot('worker')],
      providers: [
        { provide: EMITTER_REDIS, useFactory: () => createRedis(config.REDIS_URL, 'pubsub', `${config.REDIS_PREFIX}:worker-emitter`) },
        EmitterConnection,
        {
          provide: Notifier,
          inject: [EMITTER_REDIS],
          useFactory: (redis: Redis) => new Notifier(new Emitter(redis, { key: socketIoKey(config.REDIS_PREFIX) }) as unknown as Broadcaster),
        },
        { provide: SessionEnding, inject: [Notifier, QueueBus, LOGGER], useFactory: (n: Notifier, q: QueueBus, l: AppLogger) => new SessionEnding(n, q, l) },
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
