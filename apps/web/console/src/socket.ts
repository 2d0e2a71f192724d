import { io, type Socket } from 'socket.io-client';
import { request, type Ack } from '../../shared/socket';
import type { StaffEvents, ToStaff } from './wire';

export type { Ack };
export type LinkState = 'connecting' | 'online' | 'offline';

export interface LinkEvents {
  state(state: LinkState): void;
  /** The server refused the token (expired, revoked, account disabled). */
  unauthorized(): void;
  connected(): void;
}

/**
 * The `/staff` socket. The token is read at every (re)connection, so a new sign-in is used
 * at once. socket.io reconnects by itself after network trouble; after a refusal by the
 * server it does not, so the app signs in again and calls `connect()`.
 */
export class StaffLink {
  readonly socket: Socket<ToStaff, StaffEvents>;

  constructor(token: () => string | undefined, private readonly events: LinkEvents) {
    this.socket = io('/staff', {
      transports: ['websocket'], autoConnect: false, reconnectionDelay: 500, reconnectionDelayMax: 5000, timeout: 10_000,
      auth: (cb) => cb({ token: token() }),
    });
    this.socket.on('connect', () => { events.state('online'); events.connected(); });
    this.socket.on('connect_error', (err: Error) => {
      if (err.message === 'unauthorized') events.unauthorized();
      else events.state('offline');
    });
    this.socket.on('disconnect', (reason: string) => {
      events.state('connecting');
      // the server closed this socket (a new password, a changed role): try again, the token decides
      if (reason === 'io server disconnect') window.setTimeout(() => this.connect(), 800);
    });
  }

  connect(): void {
    if (!this.socket.connected) {
      this.events.state('connecting');
      this.socket.connect();
    }
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  /** A server event, its payload typed by the contract's map. */
  on<E extends keyof ToStaff>(event: E, handler: ToStaff[E]): void {
    (this.socket as Socket<ToStaff>).on(event, handler as never);
  }

  request(event: string, payload: object, timeoutMs = 8000): Promise<Ack> {
    if (!this.socket.connected) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'not connected' } });
    return request(this.socket as unknown as Socket, event, payload, timeoutMs);
  }
}
