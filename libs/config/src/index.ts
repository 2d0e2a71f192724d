export { AppConfig } from './app-config';
export { loadConfig, ConfigError, type Config } from './load-config';
export const CONFIG = Symbol('CONFIG');
export { OLDEST_SUPPORTED_NODE, unsupportedRuntime } from './runtime';
