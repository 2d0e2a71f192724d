import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { CONFIG, type Config } from '@prystan/config';
import { STAFF_OUT } from '@prystan/contract';
import { Keyring, SEALED_FIELDS, type FieldBinding } from '@prystan/crypto';
import {
  ackUrl, buildEscalationPayload, closeWebhookAgents, createAckToken, deliverEmail, deliverWebhook, deliveryReason, PermanentDeliveryError, toJobError,
} from '@prystan/escalation-delivery';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { PrystanMetrics } from '@prystan/metrics';
import { EscalationRepository, ServiceRepository, type EscalationRecord } from '@prystan/persistence';
import { publishEscalationStatus } from '@prystan/conversation';
import { Notifier } from '@prystan/platform';

/**
 * Delivers one escalation to its service. At least once, with the escalation id as the
 * Idempotency-Key, so a retry after a crash is recognisably the same delivery; a delivered
 * escalation is never sent again. Details are opened only here, in memory.
 */
@Injectable()
export class EscalationDeliveryService implements OnApplicationShutdown {
  constructor(
    private readonly escalations: EscalationRepository,
    private readonly services: ServiceRepository,
    private readonly keyring: Keyring,
    private readonly notifier: Notifier,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly metrics: PrystanMetrics,
  ) {}

  async deliver(escalationId: string, job: Job): Promise<{ status: string }> {
    const escalation = await this.escalations.findById(escalationId);
    if (!escalation) throw new UnrecoverableError('escalation not found');
    if (escalation.status !== 'queued') return { status: escalation.status };
    try {
      await this.send(escalation);
    } catch (err) {
      const jobError = toJobError(err);
      // managers see only the fixed code; the log also gets the library's own message (a status or error code, never a URL or remote text)
      const reason = deliveryReason(err);
      await this.escalations.countAttempt(escalationId, reason);
      const final = jobError instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (final) await this.fail(escalation, reason, jobError.message);
      else {
        this.metrics.escalations.inc({ channel: escalation.channelType, outcome: 'retried' });
        this.logger.warn({ escalationId, attempt: job.attemptsMade + 1, reason, failure: jobError.message }, 'escalation delivery will be retried');
      }
      throw jobError;
    }
    await this.escalations.countAttempt(escalationId, null);
    const delivered = await this.escalations.transition(escalationId, ['queued'], 'delivered');
    if (delivered) {
      this.metrics.escalations.inc({ channel: escalation.channelType, outcome: 'delivered' });
      this.publish(delivered);
    }
    this.logger.info({ escalationId, channel: escalation.channelType }, 'escalation delivered');
    return { status: 'delivered' };
  }

  private async send(escalation: EscalationRecord): Promise<void> {
    const service = await this.services.findById(escalation.serviceId);
    if (!service) throw new PermanentDeliveryError('the service is no longer in the directory', 'invalid-target');
    const sealed = await this.escalations.sealedDetails(escalation.id);
    if (!sealed?.details) throw new PermanentDeliveryError('the details were purged before delivery', 'invalid-payload');
    const details = JSON.parse(this.openSealed(SEALED_FIELDS.escalation(escalation.id), sealed.details, 'the details'));
    const payload = buildEscalationPayload({
      escalationId: escalation.id,
      service: { id: service.id, name: service.name },
      urgency: escalation.urgency,
      language: escalation.language,
      details,
      createdAt: new Date(escalation.createdAt).toISOString(),
      ackUrl: ackUrl(this.config.publicUrl, createAckToken(this.config.appSecret, escalation.id)),
    } as Parameters<typeof buildEscalationPayload>[0]);
    if (service.channelType === 'webhook') {
      const secretSealed = await this.services.sealedSecret(service.id);
      if (!secretSealed || !service.webhookUrl) throw new PermanentDeliveryError('the webhook service has no url or secret', 'invalid-target');
      await deliverWebhook({
        url: service.webhookUrl,
        secret: this.openSealed(SEALED_FIELDS.serviceSecret(service.id), secretSealed, 'the service secret'),
        payload,
        escalationId: escalation.id,
        allowHttp: this.config.ALLOW_HTTP_WEBHOOKS,
        allowPrivate: this.config.ALLOW_PRIVATE_WEBHOOKS,
      });
    } else if (service.channelType === 'email') {
      if (!service.emailTo) throw new PermanentDeliveryError('the e-mail service has no address', 'invalid-target');
      await deliverEmail({
        smtpUrl: this.config.SMTP_URL, from: this.config.SMTP_FROM, to: service.emailTo, payload, requireTls: this.config.NODE_ENV === 'production',
      });
    } else {
      throw new PermanentDeliveryError('a phone service is delivered by the counsellor', 'invalid-target');
    }
  }

  /** A value that does not open (copied from another row, or its key left MESSAGE_KEY) will not open on a retry either. */
  private openSealed(field: FieldBinding, sealed: Buffer, what: string): string {
    try {
      return this.keyring.openField(field, sealed);
    } catch {
      throw new PermanentDeliveryError(`${what} did not open with any key in MESSAGE_KEY`, 'sealed-data');
    }
  }

  private async fail(escalation: EscalationRecord, reason: string, detail: string): Promise<void> {
    const failed = await this.escalations.transition(escalation.id, ['queued'], 'failed');
    if (!failed) return;
    this.metrics.escalations.inc({ channel: escalation.channelType, outcome: 'failed' });
    this.publish(failed);
    this.notifier.managers(STAFF_OUT.alert, {
      kind: 'escalation-failed', escalationId: escalation.id, sessionId: escalation.sessionId, channel: escalation.channelType, reason, at: new Date().toISOString(),
    });
    this.logger.error({ escalationId: escalation.id, reason, failure: detail }, 'escalation delivery failed for good');
  }

  /** The pinned webhook Agents keep connections; a closed Agent waits for a delivery in flight. */
  async onApplicationShutdown(): Promise<void> {
    await closeWebhookAgents();
  }

  private publish(e: EscalationRecord): void {
    publishEscalationStatus(this.notifier, e);
  }
}
