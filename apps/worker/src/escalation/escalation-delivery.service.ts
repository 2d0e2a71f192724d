import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { CONFIG, type Config } from '@prystan/config';
import { STAFF_OUT } from '@prystan/contract';
import { SealedBox } from '@prystan/crypto';
import {
  ackUrl, buildEscalationPayload, createAckToken, deliverEmail, deliverWebhook, PermanentDeliveryError, toJobError,
} from '@prystan/escalation-delivery';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { EscalationRepository, ServiceRepository, type EscalationRecord } from '@prystan/persistence';
import { Notifier, publishEscalationStatus } from '@prystan/platform';
import type { EscalationHandler } from '../runtime/escalation-handler';

/**
 * Delivers one escalation to its service. At least once, with the escalation id as the
 * Idempotency-Key, so a retry after a crash is recognisably the same delivery; a delivered
 * escalation is never sent again. Details are opened only here, in memory.
 */
@Injectable()
export class EscalationDeliveryService implements EscalationHandler {
  constructor(
    private readonly escalations: EscalationRepository,
    private readonly services: ServiceRepository,
    private readonly box: SealedBox,
    private readonly notifier: Notifier,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async deliver(escalationId: string, job: Job): Promise<{ status: string }> {
    const escalation = await this.escalations.findById(escalationId);
    if (!escalation) throw new UnrecoverableError('escalation not found');
    if (escalation.status !== 'queued') return { status: escalation.status };
    try {
      await this.send(escalation);
    } catch (err) {
      const jobError = toJobError(err);
      await this.escalations.countAttempt(escalationId, jobError.message);
      const final = jobError instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (final) await this.fail(escalation, jobError.message);
      else this.logger.warn({ escalationId, attempt: job.attemptsMade + 1, reason: jobError.message }, 'escalation delivery will be retried');
      throw jobError;
    }
    await this.escalations.countAttempt(escalationId, null);
    const delivered = await this.escalations.transition(escalationId, ['queued'], 'delivered');
    if (delivered) this.publish(delivered);
    this.logger.info({ escalationId, channel: escalation.channelType }, 'escalation delivered');
    return { status: 'delivered' };
  }

  private async send(escalation: EscalationRecord): Promise<void> {
    const service = await this.services.findById(escalation.serviceId);
    if (!service) throw new PermanentDeliveryError('the service is no longer in the directory');
    const sealed = await this.escalations.sealedDetails(escalation.id);
    if (!sealed?.details) throw new PermanentDeliveryError('the details were purged before delivery');
    const details = JSON.parse(this.box.open(sealed.details, `escalation:${escalation.id}`));
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
      if (!secretSealed || !service.webhookUrl) throw new PermanentDeliveryError('the webhook service has no url or secret');
      await deliverWebhook({
        url: service.webhookUrl,
        secret: this.box.open(secretSealed, 'service-secret'),
        payload,
        escalationId: escalation.id,
        allowHttp: this.config.ALLOW_HTTP_WEBHOOKS,
      });
    } else if (service.channelType === 'email') {
      if (!service.emailTo) throw new PermanentDeliveryError('the e-mail service has no address');
      await deliverEmail({ smtpUrl: this.config.SMTP_URL, from: this.config.SMTP_FROM, to: service.emailTo, payload });
    } else {
      throw new PermanentDeliveryError('a phone service is delivered by the counsellor');
    }
  }

  private async fail(escalation: EscalationRecord, reason: string): Promise<void> {
    const failed = await this.escalations.transition(escalation.id, ['queued'], 'failed');
    if (!failed) return;
    this.publish(failed);
    this.notifier.managers(STAFF_OUT.alert, {
      kind: 'escalation-failed', escalationId: escalation.id, sessionId: escalation.sessionId, channel: escalation.channelType, reason, at: new Date().toISOString(),
    });
    this.logger.error({ escalationId: escalation.id, reason }, 'escalation delivery failed for good');
  }

  private publish(e: EscalationRecord): void {
    publishEscalationStatus(this.notifier, e);
  }
}
