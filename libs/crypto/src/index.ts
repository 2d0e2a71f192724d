export { SealedBox } from './sealed-box';
export { newToken, hashToken, keyedHash, constantTimeEqual } from './tokens';
