import { SEALED_FIELDS, type Keyring } from '@prystan/crypto';

/**
 * The one place a TOTP secret is sealed or opened: under the keyring's `totp` purpose key,
 * bound to its staff member (a sealed secret copied to another row will not open), and
 * re-sealed by `keys rotate` like every other sealed field.
 */
export const sealTotpSecret = (keyring: Keyring, staffId: string, secret: string): Buffer => keyring.sealField(SEALED_FIELDS.totp(staffId), secret);
export const openTotpSecret = (keyring: Keyring, staffId: string, sealed: Buffer): string => keyring.openField(SEALED_FIELDS.totp(staffId), sealed);
