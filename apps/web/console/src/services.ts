import { Api } from './api';
import { Attention } from './attention';
import type { Ack, StaffLink } from './socket';

/**
 * The console's connections to the server, one each per page load: the HTTP API, the `/staff`
 * socket (made at sign-in) and the page's attention (chime, title). Views call these; what the
 * answers change goes into the store.
 */
export const api = new Api();
export const attention = new Attention();

let link: StaffLink | undefined;

export function setLink(next: StaffLink): void {
  link = next;
}

/** A socket request; before the socket exists it answers like a socket that is not connected. */
export function request(event: string, payload: object, timeoutMs?: number): Promise<Ack> {
  return link ? link.request(event, payload, timeoutMs) : Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'not connected' } });
}
