export { AppConfig } from './app-config';
export { loadConfig, ConfigError, parseMessageKeys, type Config } from './load-config';
export const CONFIG = Symbol('CONFIG');
export { OLDEST_SUPPORTED_NODE, unsupportedRuntime } from './runtime';
