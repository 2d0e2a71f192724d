import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { forbidden, invalidInput, notFound, STAFF_OUT, type EscalationCreateDto } from '@prystan/contract';
import { Keyring, SEALED_FIELDS } from '@prystan/crypto';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { EscalationRepository, ServiceRepository, SessionRepository, type EscalationRecord, type StaffRecord } from '@prystan/persistence';
import { PrystanMetrics } from '@prystan/metrics';
import { escalationStatusEvent, publishEscalationStatus } from '@prystan/conversation';
import { Notifier } from '@prystan/platform';
import { QueueBus } from '@prystan/queue';

/**
 * Raising an escalation: only from one's own active chat, only with consent. The consented
 * details are sealed at once; the job carries the escalation id alone.
 */
@Injectable()
export class EscalationService {
  constructor(
    private readonly escalations: EscalationRepository,
    private readonly services: ServiceRepository,
    private readonly sessions: SessionRepository,
    private readonly keyring: Keyring,
    private readonly bus: QueueBus,
    private readonly notifier: Notifier,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly metrics: PrystanMetrics,
  ) {}

  async create(me: StaffRecord, dto: EscalationCreateDto) {
    const session = await this.sessions.findById(dto.sessionId);
    if (!session || session.counsellorId !== me.id || session.state !== 'active') throw forbidden('you can escalate only from your own active chat');
    const service = await this.services.findById(dto.serviceId);
    if (!service || !service.active) throw notFound('no such service in the directory');
    if (dto.details.summary.trim().length === 0) throw invalidInput('details.summary must not be empty');
    const id = randomUUID();
    const details = { summary: dto.details.summary.trim(), callbackPhone: dto.details.callbackPhone?.trim() || undefined, location: dto.details.location?.trim() || undefined };
    const escalation = await this.escalations.create({
      id,
      sessionId: session.id,
      serviceId: service.id,
      staffId: me.id,
      language: session.language,
      urgency: dto.urgency,
      channelType: service.channelType,
      sealedDetails: this.keyring.sealField(SEALED_FIELDS.escalation(id), JSON.stringify(details)),
    });
    this.metrics.escalations.inc({ channel: escalation.channelType, outcome: 'raised' });
    if (service.channelType !== 'phone') await this.bus.deliverEscalation(id);
    this.publish(escalation);
    this.logger.info({ escalationId: id, sessionId: session.id, serviceId: service.id, channel: service.channelType, urgency: dto.urgency }, 'escalation raised');
    return { escalationId: id, status: escalation.status, channel: service.channelType, ...(service.channelType === 'phone' ? { phone: service.phone } : {}) };
  }

  async recordPhoneResult(me: StaffRecord, escalationId: string, result: string) {
    const updated = await this.escalations.recordPhoneResult(escalationId, me.id, result);
    if (!updated) throw forbidden('not one of your open phone escalations');
    this.publish(updated);
    if (updated.status === 'delivered' || updated.status === 'failed') this.metrics.escalations.inc({ channel: 'phone', outcome: updated.status });
    if (updated.status === 'failed') this.notifier.managers(STAFF_OUT.alert, { kind: 'escalation-failed', escalationId, sessionId: updated.sessionId, channel: updated.channelType, at: new Date().toISOString() });
    return escalationStatusEvent(updated);
  }

  async acknowledge(escalationId: string): Promise<EscalationRecord | undefined> {
    const updated = await this.escalations.transition(escalationId, ['queued', 'delivered'], 'acknowledged');
    if (updated) {
      this.metrics.escalations.inc({ channel: updated.channelType, outcome: 'acknowledged' });
      this.publish(updated);
      this.logger.info({ escalationId }, 'escalation acknowledged');
    }
    return updated;
  }

  publish(e: EscalationRecord): void {
    publishEscalationStatus(this.notifier, e);
  }
}
