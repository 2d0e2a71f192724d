import type { Socket } from 'socket.io';
import { keyedHash } from '@prystan/crypto';

/**
 * A salted hash of the client's address for rate limiting only. The address itself is never
 * stored or logged; the hash lives in Redis for the length of a rate-limit window.
 */
export function addressKey(secret: Buffer, address: string | undefined): string {
  const day = new Date().toISOString().slice(0, 10);
  return keyedHash(secret, `${day}|${address ?? 'unknown'}`);
}

/** The client's address as seen through `hops` trusted proxies (X-Forwarded-For), else the peer. */
export function socketAddress(socket: Socket, hops: number): string | undefined {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  if (hops > 0 && typeof forwarded === 'string') {
    const chain = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
    return chain[Math.max(0, chain.length - hops)] ?? socket.handshake.address;
  }
  return socket.handshake.address;
}
