import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule, type InjectionToken } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { QUEUE } from './names';
import { QueueBus } from './queue-bus';
import { RouteTriggers } from './route-triggers';

export interface QueueModuleOptions {
  /** The process's producer connection (`createRedis(…, 'producer', …)`), shared by its queues. */
  connection: InjectionToken;
  /** REDIS_PREFIX; BullMQ's keys go under `<prefix>:bull`. */
  redisPrefix: string;
}

/**
 * Every queue, registered with @nestjs/bullmq on the producer connection, and the `QueueBus`
 * that adds to them. Processors are registered by hand (`manualRegistration`): the worker
 * starts them only after checking that every job has a handler; the gateway has none.
 * @nestjs/bullmq closes the queues on shutdown; the shared connection is closed by its owner.
 */
@Module({})
export class QueueModule {
  static forRoot({ connection, redisPrefix }: QueueModuleOptions): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [connection],
          useFactory: (redis: Redis) => ({ connection: redis, prefix: `${redisPrefix}:bull` }),
          extraOptions: { manualRegistration: true },
        }),
        BullModule.registerQueue(...Object.values(QUEUE).map((name) => ({ name }))),
      ],
      providers: [QueueBus, { provide: RouteTriggers, inject: [connection], useFactory: (redis: Redis) => new RouteTriggers(redis, redisPrefix) }],
      exports: [QueueBus, RouteTriggers],
    };
  }
}
