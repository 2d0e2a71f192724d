import type { ErrorCode } from './codes';

/** An error meant for the caller: its code and message go into the ack or HTTP body as they are. */
export class ClientError extends Error {
  constructor(public readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'ClientError';
  }
}

export interface ErrorBody { error: { code: ErrorCode; message: string } }
export type Ack<T extends object = object> = ({ ok: true } & T) | ({ ok: false } & ErrorBody);

export const invalidInput = (message: string) => new ClientError('invalid_input', message);
export const notFound = (message = 'not found') => new ClientError('not_found', message);
export const forbidden = (message = 'not allowed') => new ClientError('forbidden', message);
export const conflict = (message: string) => new ClientError('conflict', message);
export const rateLimited = (message = 'too many requests, slow down') => new ClientError('rate_limited', message);
export const unavailable = (message = 'temporarily unavailable, try again') => new ClientError('unavailable', message);
