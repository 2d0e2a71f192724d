import { STAFF_OUT } from '@prystan/contract';
import type { EscalationRecord, OwnEscalationItem } from '@prystan/persistence';
import type { Notifier } from '@prystan/platform';

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

/**
 * One of a counsellor's escalations as `sessions:list {scope: "mine"}` gives it: the status
 * payload with the urgency and the service's public entry (name, kind, how it is reached, and
 * its number when the counsellor calls). Never the consented details.
 */
export function ownEscalationItem(e: OwnEscalationItem, viewerId: string) {
  return {
    ...escalationStatusEvent(e),
    // false: a colleague raised it before the chat was transferred (only they record its phone result)
    raisedByMe: e.staffId === viewerId,
    urgency: e.urgency,
    serviceName: e.serviceName,
    serviceKind: e.serviceKind,
    channel: e.channelType,
    ...(e.channelType === 'phone' && e.servicePhone ? { phone: e.servicePhone } : {}),
  };
}

/** To the counsellor who raised it and to every manager, wherever they are connected. */
export function publishEscalationStatus(notifier: Notifier, e: EscalationRecord): void {
  const event = escalationStatusEvent(e);
  notifier.staff(e.staffId, STAFF_OUT.escalationStatus, event);
  notifier.managers(STAFF_OUT.escalationStatus, event);
}
