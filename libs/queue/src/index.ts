export * from './names';
export { createRedis } from './connections';
