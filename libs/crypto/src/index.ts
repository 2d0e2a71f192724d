export { SealedBox } from './sealed-box';
export { Keyring, keyIdOf, SEAL_PURPOSES, type SealPurpose, type SealedKeyId } from './keyring';
export { SEALED_FIELDS, type FieldBinding } from './sealed-fields';
export { newToken, hashToken, keyedHash, constantTimeEqual } from './tokens';
