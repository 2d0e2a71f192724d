import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Socket } from 'socket.io';

/**
 * Limits the events of one socket. An event over the limit is answered `rate_limited`
 * through its acknowledgement and goes no further; the connection stays up.
 */
export function limitSocketEvents(socket: Socket, limiter: RateLimiterAbstract, key: string): void {
  socket.use((packet, next) => {
    limiter.consume(key).then(
      () => next(),
      () => {
        const ack = packet[packet.length - 1];
        if (typeof ack === 'function') ack({ ok: false, error: { code: 'rate_limited', message: 'too many events; slow down' } });
      },
    );
  });
}
