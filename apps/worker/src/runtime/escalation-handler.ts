import type { Job } from 'bullmq';

export const ESCALATION_HANDLER = Symbol('ESCALATION_HANDLER');

/** Delivers one escalation; provided by the escalation feature. */
export interface EscalationHandler {
  deliver(escalationId: string, job: Job): Promise<unknown>;
}
