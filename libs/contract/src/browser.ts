/**
 * The contract for browsers: codes, event names, the socket event maps and every payload
 * shape. It imports nothing server-only (no class-validator, no reflect-metadata, no Node), so
 * the survivor page and the console bundle it (a test bundles it and checks). Server code
 * imports `@prystan/contract` (index.ts), which adds the validating classes.
 */
export * from './codes';
export * from './events';
export { AUDIT_ACTIONS, isAuditAction, type AuditAction } from './audit';
export type { Ack, ErrorBody } from './errors';
export type * from './event-maps';
export type * from './requests';
export type * from './wire';
