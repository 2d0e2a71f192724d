import { STAFF_OUT } from '@prystan/contract';
import type { EscalationRecord } from '@prystan/persistence';
import type { Notifier } from './notifier';

/** The `escalation:status` payload: codes and times, never details. */
export function escalationStatusEvent(e: EscalationRecord) {
  return {
    escalationId: e.id,
    sessionId: e.sessionId,
    serviceId: e.serviceId,
    status: e.status,
    at: new Date(e.statusAt).toISOString(),
    ...(e.phoneResult ? { phoneResult: e.phoneResult } : {}),
  };
}

/** To the counsellor who raised it and to every manager, wherever they are connected. */
export function publishEscalationStatus(notifier: Notifier, e: EscalationRecord): void {
  const event = escalationStatusEvent(e);
  notifier.staff(e.staffId, STAFF_OUT.escalationStatus, event);
  notifier.managers(STAFF_OUT.escalationStatus, event);
}
