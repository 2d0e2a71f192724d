import type { Socket } from 'socket.io';
import type { Ack } from '@prystan/contract';

const NOT_FOUND: Ack = { ok: false, error: { code: 'not_found', message: 'this namespace has no such event' } };

/**
 * An event the namespace does not define is answered `not_found` when it carries an
 * acknowledgement (a client must not wait for an answer that never comes) and dropped without
 * one. It goes no further, and nothing of it is logged: its name and payload are the client's.
 * Registered after the rate limit, so unknown events count towards it like any other.
 */
export function answerUnknownEvents(socket: Socket, known: ReadonlySet<string>): void {
  socket.use((packet, next) => {
    if (known.has(packet[0])) return next();
    const ack: unknown = packet[packet.length - 1];
    if (typeof ack === 'function') ack(NOT_FOUND);
  });
}
