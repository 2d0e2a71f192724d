import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * What a sealed value is for. Each purpose has its own key, derived from the master key with
 * HKDF, so a value of one purpose never opens as another, and a weakness in how one purpose
 * is used (say, many TOTP secrets) does not touch the others.
 */
export const SEAL_PURPOSES = ['message', 'escalation', 'service-secret', 'totp'] as const;
export type SealPurpose = (typeof SEAL_PURPOSES)[number];

/** The format byte of a keyring value; the pre-keyring format had no header at all. */
const VERSION = 0x01;
const KEY_ID_BYTES = 4;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_SALT = Buffer.from('prystan keyring v1', 'utf8');

/** What `describe` says sealed a value: a key id (8 hex digits), `legacy` (pre-keyring format) or `unknown` (no listed key). */
export type SealedKeyId = string | 'legacy' | 'unknown';

/**
 * The short, stable name of a master key: the first 4 bytes of HMAC-SHA256(key, "prystan key id"),
 * in hex. It says which key sealed a value without revealing anything about the key, and does not
 * depend on the key's place in MESSAGE_KEY.
 */
export function keyIdOf(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('prystan key id').digest().subarray(0, KEY_ID_BYTES).toString('hex');
}

interface MasterKey { id: string; idBytes: Buffer; raw: Buffer; derived: Map<SealPurpose, Buffer> }

/**
 * AES-256-GCM under a list of master keys (MESSAGE_KEY, newest first).
 *
 * A sealed value is `0x01 | key id (4) | nonce (12) | tag (16) | ciphertext`. The associated
 * data is the header, the purpose and the caller's `aad` (the row it belongs to: a session id,
 * an escalation id, a service id, a staff id), so a value copied to another row, another
 * purpose or given another header fails to open. New values are sealed with the first key;
 * any listed key opens. Tags are always 16 bytes; a shorter one is refused.
 *
 * Values sealed before the keyring (`nonce | tag | ciphertext` under the raw master key, with
 * the old context string as associated data) still open, through `legacyAad`; `keys rotate`
 * re-seals them in the new format.
 */
export class Keyring {
  private readonly keys: MasterKey[];

  constructor(masterKeys: Buffer[]) {
    if (masterKeys.length === 0) throw new Error('the keyring needs at least one key');
    this.keys = masterKeys.map((raw) => {
      if (raw.length !== 32) throw new Error('every keyring key must be 32 bytes');
      const id = keyIdOf(raw);
      return { id, idBytes: Buffer.from(id, 'hex'), raw, derived: new Map() };
    });
    if (new Set(this.keys.map((k) => k.id)).size !== this.keys.length) throw new Error('the keyring lists the same key twice');
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.keys[0].id;
  }

  /** Every listed key's id, newest first. */
  get keyIds(): string[] {
    return this.keys.map((k) => k.id);
  }

  seal(purpose: SealPurpose, plaintext: string, aad: string): Buffer {
    const key = this.keys[0];
    const header = Buffer.concat([Buffer.from([VERSION]), key.idBytes]);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.derive(key, purpose), nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(header, purpose, aad));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([header, nonce, cipher.getAuthTag(), body]);
  }

  /**
   * Opens a value sealed for `purpose` and `aad`. A pre-keyring value opens only with
   * `legacyAad` (its old context string; none for a purpose that is newer than the keyring).
   * Throws when no listed key opens it; the error names no key and no value.
   */
  open(purpose: SealPurpose, sealed: Buffer, aad: string, legacyAad?: string): string {
    const key = this.keyOfHeader(sealed);
    if (key) {
      try {
        return this.openCurrentFormat(key, purpose, sealed, aad);
      } catch {
        // 1 in 256 legacy values starts with 0x01 and could carry a listed id by chance: try the old format below
      }
    }
    if (legacyAad !== undefined) {
      for (const k of this.keys) {
        try {
          return openGcm(k.raw, sealed.subarray(0, NONCE_BYTES), sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES), sealed.subarray(NONCE_BYTES + TAG_BYTES), Buffer.from(legacyAad, 'utf8'), sealed.length);
        } catch {
          // next key
        }
      }
    }
    throw new Error('the sealed value does not open with any listed key');
  }

  /** `seal` for a field of SEALED_FIELDS. */
  sealField(field: { purpose: SealPurpose; aad: string }, plaintext: string): Buffer {
    return this.seal(field.purpose, plaintext, field.aad);
  }

  /** `open` for a field of SEALED_FIELDS (its legacy context included). */
  openField(field: { purpose: SealPurpose; aad: string; legacy?: string }, sealed: Buffer): string {
    return this.open(field.purpose, sealed, field.aad, field.legacy);
  }

  /** Which key sealed the value (by its header only; `legacy` for the pre-keyring format). */
  describe(sealed: Buffer): SealedKeyId {
    if (sealed.length >= HEADER_BYTES + NONCE_BYTES + TAG_BYTES && sealed[0] === VERSION) {
      const id = sealed.subarray(1, HEADER_BYTES).toString('hex');
      if (this.keys.some((k) => k.id === id)) return id;
    }
    return sealed.length >= NONCE_BYTES + TAG_BYTES ? 'legacy' : 'unknown';
  }

  /** True when the value is already sealed with the newest key (nothing for `keys rotate` to do). */
  isCurrent(sealed: Buffer): boolean {
    return this.describe(sealed) === this.currentKeyId;
  }

  private keyOfHeader(sealed: Buffer): MasterKey | undefined {
    if (sealed.length < HEADER_BYTES + NONCE_BYTES + TAG_BYTES || sealed[0] !== VERSION) return undefined;
    const id = sealed.subarray(1, HEADER_BYTES);
    return this.keys.find((k) => k.idBytes.equals(id));
  }

  private openCurrentFormat(key: MasterKey, purpose: SealPurpose, sealed: Buffer, aad: string): string {
    const header = sealed.subarray(0, HEADER_BYTES);
    const nonce = sealed.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES);
    const tag = sealed.subarray(HEADER_BYTES + NONCE_BYTES, HEADER_BYTES + NONCE_BYTES + TAG_BYTES);
    const body = sealed.subarray(HEADER_BYTES + NONCE_BYTES + TAG_BYTES);
    return openGcm(this.derive(key, purpose), nonce, tag, body, associatedData(header, purpose, aad), sealed.length - HEADER_BYTES);
  }

  private derive(key: MasterKey, purpose: SealPurpose): Buffer {
    let derived = key.derived.get(purpose);
    if (!derived) {
      if (!SEAL_PURPOSES.includes(purpose)) throw new Error('unknown sealing purpose');
      derived = Buffer.from(hkdfSync('sha256', key.raw, HKDF_SALT, `prystan/${purpose}/v1`, 32));
      key.derived.set(purpose, derived);
    }
    return derived;
  }
}

/** header | purpose | 0x00 | aad: the purpose is bound twice (its own key, and here), the row once. */
function associatedData(header: Buffer, purpose: SealPurpose, aad: string): Buffer {
  return Buffer.concat([header, Buffer.from(purpose, 'utf8'), Buffer.from([0]), Buffer.from(aad, 'utf8')]);
}

/**
 * AES-256-GCM open with a 16-byte tag required: GCM accepts tags down to 4 bytes unless told
 * otherwise, and a short tag can be forged far more easily. `length` is the nonce|tag|body size.
 */
function openGcm(key: Buffer, nonce: Buffer, tag: Buffer, body: Buffer, aad: Buffer, length: number): string {
  if (length < NONCE_BYTES + TAG_BYTES || tag.length !== TAG_BYTES || nonce.length !== NONCE_BYTES) throw new Error('the sealed value is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
