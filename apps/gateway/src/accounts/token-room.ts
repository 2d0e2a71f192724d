import { keyedHash } from '@prystan/crypto';

/**
 * The socket.io room of every `/staff` socket opened with one access token, so that revoking
 * the token disconnects exactly those sockets on every gateway (through the Redis adapter).
 * Named by a keyed hash of the token's hash: the adapter's Redis traffic never carries
 * anything that matches the database.
 */
export function tokenRoom(appSecret: Buffer, tokenHash: Buffer): string {
  return `token:${keyedHash(appSecret, `socket-room|${tokenHash.toString('base64')}`)}`;
}
