/** The contract for server code: everything browsers get (browser.ts), plus the validating classes and server helpers. */
export * from './browser';
export * from './errors';
export * from './payloads';
export * from './system-messages';
export * from './offer';
export * from './queue-status';
