import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_BYTES = 16;
const MAC_BYTES = 18;
const TOKEN = /^[A-Za-z0-9_-]{46}$/;
const MIN_KEY_BYTES = 16;

function mac(key: Buffer, idBytes: Buffer): Buffer {
  if (!Buffer.isBuffer(key) || key.length < MIN_KEY_BYTES) throw new Error(`the acknowledgement key must be at least ${MIN_KEY_BYTES} bytes`);
  // the prefix keeps these MACs apart from anything else keyed with the same APP_SECRET
  return createHmac('sha256', key).update('prystan-ack:').update(idBytes).digest().subarray(0, MAC_BYTES);
}

/**
 * An unguessable link token for one escalation: its id's 16 bytes followed by the first
 * 18 bytes (144 bits) of HMAC-SHA256 over them, base64url (46 characters). It is checked
 * without a database lookup; it does not expire (acknowledging is idempotent, and the
 * escalation itself is purged on schedule). Escalation ids are UUIDs.
 */
export function createAckToken(key: Buffer, escalationId: string): string {
  if (!UUID.test(escalationId)) throw new Error('escalation id must be a UUID');
  const id = Buffer.from(escalationId.replace(/-/g, ''), 'hex');
  return Buffer.concat([id, mac(key, id)]).toString('base64url');
}

/** The escalation id (lower-case UUID) a token stands for, or null for anything forged, altered or malformed. */
export function verifyAckToken(key: Buffer, token: string): string | null {
  if (typeof token !== 'string' || !TOKEN.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  // one spelling per token: refuse other encodings of the same bytes
  if (raw.length !== ID_BYTES + MAC_BYTES || raw.toString('base64url') !== token) return null;
  const id = raw.subarray(0, ID_BYTES);
  if (!timingSafeEqual(raw.subarray(ID_BYTES), mac(key, id))) return null;
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `<publicBaseUrl>/api/escalations/ack/<token>`: POST to acknowledge; GET shows a page with a button. */
export function ackUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/api/escalations/ack/${encodeURIComponent(token)}`;
}
