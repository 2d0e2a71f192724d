import { io, type Socket } from 'socket.io-client';

export type Ack = { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * The survivor's socket, same origin only. WebSocket transport only: several gateways may
 * run behind a plain load balancer, and socket.io reconnects by itself with backoff.
 */
export function connect(): Socket {
  return io('/chat', { transports: ['websocket'], reconnection: true, reconnectionDelay: 500, reconnectionDelayMax: 5000, timeout: 10_000 });
}

/** An emit that resolves with the acknowledgement, or with `unavailable` after a timeout. */
export function request(socket: Socket, event: string, payload: object, timeoutMs = 8000): Promise<Ack> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: Ack) => {
      resolve(err || !ack || typeof ack !== 'object' ? { ok: false, error: { code: 'unavailable', message: 'no answer' } } : ack);
    });
  });
}
