export * from './names';
export { createRedis, whenReady } from './connections';
