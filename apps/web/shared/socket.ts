import type { Socket } from 'socket.io-client';

/** What a socket event's acknowledgement carries: `ok` with the answer, or the error's code and message. */
export type Ack = { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message: string } };

/** An emit that resolves with the acknowledgement, or with `unavailable` after a timeout (never rejects). */
export function request(socket: Socket, event: string, payload: object, timeoutMs = 8000): Promise<Ack> {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: Ack) => {
      resolve(err || !ack || typeof ack !== 'object' ? { ok: false, error: { code: 'unavailable', message: 'no answer' } } : ack);
    });
  });
}
