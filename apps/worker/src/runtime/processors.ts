import { Processor } from '@nestjs/bullmq';
import type { Provider, Type } from '@nestjs/common';
import type { Config } from '@prystan/config';
import { WORKER_OPTIONS, workerConnection, type QueueName } from '@prystan/queue';
import type { QueueProcessor } from './queue-processor';

/** Each queue's processor instance, for `JobWorkers`. */
export const PROCESSORS = Symbol('PROCESSORS');
export type Processors = { [Q in QueueName]: QueueProcessor<Q> };
export type ProcessorClasses = { [Q in QueueName]: Type<QueueProcessor<Q>> };

/**
 * The providers for each queue's processor, with its BullMQ worker options completed.
 *
 * @nestjs/bullmq builds a processor's Worker from its queue's registration (the producer
 * connection, which fails at once while Redis is away and which BullMQ refuses for a worker's
 * blocking wait) overlaid with the `@Processor` options. A worker needs a connection of its
 * own that waits for Redis (`maxRetriesPerRequest: null`), and that needs the Redis URL,
 * known only once the configuration is loaded, after the decorators ran. So `@Processor` is
 * applied once more here, with the queue's options from names.ts and that connection.
 */
export function processorProviders(byQueue: ProcessorClasses, config: Config): Provider[] {
  const queues = Object.keys(byQueue) as QueueName[];
  for (const queue of queues) {
    Processor(queue, { ...WORKER_OPTIONS[queue], connection: workerConnection(config.REDIS_URL, `${config.REDIS_PREFIX}:worker-${queue}`) })(byQueue[queue]);
  }
  return [
    ...queues.map((queue) => byQueue[queue]),
    {
      provide: PROCESSORS,
      inject: queues.map((queue) => byQueue[queue]),
      useFactory: (...instances: QueueProcessor[]) => Object.fromEntries(queues.map((queue, i) => [queue, instances[i]])) as Processors,
    },
  ];
}
