import { isIPv4, isIPv6 } from 'node:net';
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

/**
 * What counts as one client for per-address limits: an IPv4 address (also when written as an
 * IPv4-mapped IPv6 one), or an IPv6 address's /64 — one home or phone gets a whole /64 and can
 * use any address in it, so counting single IPv6 addresses would count nothing.
 */
export function addressGroup(address: string | undefined): string {
  if (!address) return 'unknown';
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return 'unknown';
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, as lowercase hex without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  // a trailing dotted IPv4 part (::ffff:1.2.3.4 is handled above; 64:ff9b::1.2.3.4 is not mapped)
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
