export { createLogger, NestPinoLogger, type AppLogger } from './logger';
export { redact, redactError, scrubString } from './redaction';
export const LOGGER = Symbol('LOGGER');
