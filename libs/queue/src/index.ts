export * from './names';
export { createRedis, workerConnection } from './connections';
export { QueueBus } from './queue-bus';
export { QueueModule, type QueueModuleOptions } from './queue.module';
export { RouteTriggers } from './route-triggers';
