export * from './codes';
export * from './errors';
export * from './events';
export * from './payloads';
export * from './wire';
export * from './system-messages';
export * from './audit';
