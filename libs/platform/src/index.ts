export { PlatformModule, REDIS, DATA_SOURCE } from './platform.module';
export { Notifier, socketIoKey, type Broadcaster } from './notifier';
export { enableGracefulShutdown, loadConfigOrExit, installCrashHandlers } from './bootstrap';
