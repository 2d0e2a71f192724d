export { PermanentDeliveryError, TransientDeliveryError } from './errors';
export { signWebhook, verifyWebhookSignature, type VerifyOptions, TIMESTAMP_HEADER, SIGNATURE_HEADER, DEFAULT_TOLERANCE_SECONDS } from './signature';
export { buildEscalationPayload, URGENCIES, type Urgency, type EscalationPayload, type EscalationPayloadInput, type EscalationDetails } from './payload';
export { assertWebhookUrlAllowed, isLoopbackHost, WebhookUrlNotAllowedError } from './url-policy';
export { deliverWebhook, parseRetryAfter, USER_AGENT, type WebhookDelivery } from './webhook';
export { deliverEmail, type EmailDelivery } from './email';
export { renderEscalationEmail, escalationMessageId, type EscalationEmail } from './email-content';
export { createAckToken, verifyAckToken, ackUrl } from './ack-token';
export { toJobError, classifyForBullmq, backoffDelayMs, type BackoffOptions } from './job-error';
