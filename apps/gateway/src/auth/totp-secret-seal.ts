import type { SealedBox } from '@prystan/crypto';

/**
 * The one place a TOTP secret is sealed or opened (the keyring work changes only this).
 * The staff id is bound as associated data: a sealed secret copied to another row will not open.
 */
export const sealTotpSecret = (box: SealedBox, staffId: string, secret: string): Buffer => box.seal(secret, context(staffId));
export const openTotpSecret = (box: SealedBox, staffId: string, sealed: Buffer): string => box.open(sealed, context(staffId));

const context = (staffId: string) => `staff-totp:${staffId}`;
