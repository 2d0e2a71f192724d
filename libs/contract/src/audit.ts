/**
 * Every action the staff audit trail records (`GET /api/admin/audit`, its `action` filter and
 * the console's list of actions). Entries name people and services, never a survivor's words.
 */
export const AUDIT_ACTIONS = [
  'auth.login', 'auth.login-failed', 'auth.logout', 'auth.mfa-enrolled', 'auth.mfa-reset',
  'staff.created', 'staff.updated', 'staff.disabled', 'staff.password-reset',
  'service.created', 'service.updated',
  'canned.changed',
  'stats.exported',
  'session.monitored', 'session.transferred', 'session.reassigned',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: unknown): value is AuditAction => typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value);
