import type { SealPurpose } from './keyring';

/**
 * The associated data of each sealed field: the row a value belongs to. `legacy` is the context
 * string the same field was sealed with before the keyring (absent for fields that are newer);
 * it is read only until `keys rotate` has re-sealed everything.
 */
export interface FieldBinding { purpose: SealPurpose; aad: string; legacy?: string }

export const SEALED_FIELDS = {
  /** message.body, bound to its session */
  message: (sessionId: string): FieldBinding => ({ purpose: 'message', aad: sessionId, legacy: sessionId }),
  /** escalation.details, bound to its escalation */
  escalation: (escalationId: string): FieldBinding => ({ purpose: 'escalation', aad: `escalation:${escalationId}`, legacy: `escalation:${escalationId}` }),
  /** service.webhook_secret, bound to its own service (was one shared context before the keyring) */
  serviceSecret: (serviceId: string): FieldBinding => ({ purpose: 'service-secret', aad: `service:${serviceId}`, legacy: 'service-secret' }),
  /** staff_totp.secret_sealed, bound to its staff member (the second factor sealed it with SealedBox and this context at first) */
  totp: (staffId: string): FieldBinding => ({ purpose: 'totp', aad: `staff-totp:${staffId}`, legacy: `staff-totp:${staffId}` }),
} as const;
