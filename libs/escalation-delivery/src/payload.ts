import { PermanentDeliveryError } from './errors';

export type Urgency = 'immediate' | 'today' | 'routine';
export const URGENCIES: readonly Urgency[] = ['immediate', 'today', 'routine'];

/** What the survivor consented to share, and nothing else. */
export interface EscalationDetails { summary: string; callbackPhone?: string; location?: string }

/** The JSON body a service receives (contract, "Escalation delivery"). */
export interface EscalationPayload {
  escalationId: string;
  service: { id: string; name: string };
  urgency: Urgency;
  language: string;
  details: EscalationDetails;
  createdAt: string;
  ackUrl: string;
}

export interface EscalationPayloadInput extends Omit<EscalationPayload, 'createdAt'> {
  createdAt: string | Date;
}

const present = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';

/**
 * The body exactly as the contract lists it, keys in its order: unknown keys are dropped (in
 * `details` too, so nothing but the consented fields leaves), empty optional details left out,
 * `createdAt` as ISO 8601 UTC. Throws PermanentDeliveryError (no retry fixes it) when the
 * escalation has no summary or an unknown urgency.
 */
export function buildEscalationPayload(input: EscalationPayloadInput): EscalationPayload {
  if (!present(input.details?.summary)) throw new PermanentDeliveryError('the escalation has no summary', 'invalid-payload');
  if (!URGENCIES.includes(input.urgency)) throw new PermanentDeliveryError('the escalation has an unknown urgency', 'invalid-payload');
  const createdAt = new Date(input.createdAt);
  if (Number.isNaN(createdAt.getTime())) throw new PermanentDeliveryError('the escalation has an invalid creation time', 'invalid-payload');
  const details: EscalationDetails = { summary: input.details.summary };
  if (present(input.details.callbackPhone)) details.callbackPhone = input.details.callbackPhone;
  if (present(input.details.location)) details.location = input.details.location;
  return {
    escalationId: input.escalationId,
    service: { id: input.service.id, name: input.service.name },
    urgency: input.urgency,
    language: input.language,
    details,
    createdAt: createdAt.toISOString(),
    ackUrl: input.ackUrl,
  };
}
