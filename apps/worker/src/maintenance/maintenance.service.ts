import { Inject, Injectable } from '@nestjs/common';
import { CHAT_OUT, STAFF_OUT, SYSTEM_TEXT } from '@prystan/contract';
import { CONFIG, type Config } from '@prystan/config';
import { Keyring, SEALED_FIELDS } from '@prystan/crypto';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { PrystanMetrics } from '@prystan/metrics';
import {
  AuditRepository, EscalationRepository, MaintenanceRepository, MessageRepository, RoutingRepository, SessionRepository, TokenRepository,
} from '@prystan/persistence';
import { Notifier, SessionEnding } from '@prystan/platform';
import { RoutingProcessor } from '../routing/routing.processor';
import { SessionClosureService } from '../sessions/session-closure.service';

/** How long an ended session's row stays (so a survivor reloading after the end sees "ended"). */
const ENDED_ROW_HOURS = 24;

/**
 * The periodic sweep. Everything it does is a conditional update, so several workers may
 * sweep at once; and because it reads only PostgreSQL, it also repairs whatever a Redis
 * restart lost (offer timers, end-of-session jobs, routing triggers).
 */
@Injectable()
export class MaintenanceService {
  constructor(
    private readonly maintenance: MaintenanceRepository,
    private readonly sessions: SessionRepository,
    private readonly messages: MessageRepository,
    private readonly routingRepo: RoutingRepository,
    private readonly tokens: TokenRepository,
    private readonly audit: AuditRepository,
    private readonly escalations: EscalationRepository,
    private readonly routing: RoutingProcessor,
    private readonly closure: SessionClosureService,
    private readonly ending: SessionEnding,
    private readonly notifier: Notifier,
    private readonly keyring: Keyring,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly metrics: PrystanMetrics,
  ) {}

  async sweep(): Promise<Record<string, number>> {
    const counts = {
      offersExpired: await this.expireOverdueOffers(),
      abandoned: await this.endAbandonedWaits(),
      prompted: await this.promptSilentChats(),
      timedOut: await this.closeSilentChats(),
      logged: await this.logEndedSessions(),
      ...(await this.applyRetention()),
    };
    await this.routing.route();
    if (Object.values(counts).some((n) => n > 0)) this.logger.info(counts, 'sweep');
    return counts;
  }

  private async expireOverdueOffers(): Promise<number> {
    let n = 0;
    for (const offer of await this.routingRepo.overdueOffers(2)) {
      if ((await this.routing.expire({ sessionId: offer.id, offerSeq: offer.offerSeq })).expired) n++;
    }
    return n;
  }

  private async endAbandonedWaits(): Promise<number> {
    let n = 0;
    for (const id of await this.maintenance.abandonedWaits(this.config.WAITING_GRACE_SECONDS)) {
      const ended = await this.sessions.end(id, 'system');
      if (!ended) continue;
      await this.ending.announce(ended, ended.previousState, 'system');
      n++;
    }
    return n;
  }

  private async promptSilentChats(): Promise<number> {
    const due = await this.maintenance.claimInactivityPrompts(this.config.INACTIVITY_PROMPT_SECONDS);
    for (const { id, language } of due) {
      const text = SYSTEM_TEXT.inactivityPrompt[language];
      const result = await this.messages.insert({ sessionId: id, sender: 'system', body: this.keyring.sealField(SEALED_FIELDS.message(id), text), states: ['active'] });
      if (result.kind !== 'inserted') continue;
      this.metrics.messages.inc({ from: 'system' });
      const message = { id: result.id, sessionId: id, from: 'system', text, sentAt: result.sentAt.toISOString() };
      this.notifier.survivor(id, CHAT_OUT.message, message);
      this.notifier.sessionStaff(id, STAFF_OUT.message, message);
    }
    return due.length;
  }

  private async closeSilentChats(): Promise<number> {
    let n = 0;
    for (const id of await this.maintenance.inactiveToClose(this.config.INACTIVITY_CLOSE_SECONDS)) {
      const ended = await this.sessions.end(id, 'timeout');
      if (!ended) continue;
      await this.ending.announce(ended, ended.previousState, 'timeout', { tellSurvivor: true });
      n++;
    }
    return n;
  }

  private async logEndedSessions(): Promise<number> {
    let n = 0;
    for (const { id } of await this.sessions.unlogged(200)) {
      if ((await this.closure.process(id)).logged) n++;
    }
    return n;
  }

  private async applyRetention(): Promise<Record<string, number>> {
    return {
      transcriptsPurged: await this.maintenance.purgeTranscripts(this.config.TRANSCRIPT_RETENTION_HOURS),
      sessionsPurged: await this.maintenance.purgeEndedSessions(ENDED_ROW_HOURS),
      tokensPurged: await this.tokens.purgeExpired(),
      auditPurged: await this.audit.purgeOlderThan(this.config.AUDIT_RETENTION_DAYS),
      escalationDetailsPurged: await this.escalations.purgeDetails(this.config.ESCALATION_RETENTION_DAYS),
    };
  }
}
