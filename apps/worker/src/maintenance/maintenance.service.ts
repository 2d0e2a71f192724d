import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_TEXT } from '@prystan/contract';
import { CONFIG, type Config } from '@prystan/config';
import { ConversationService, SessionEnding } from '@prystan/conversation';
import { LOGGER, type AppLogger } from '@prystan/logging';
import {
  AuditRepository, EscalationRepository, MaintenanceRepository, RoutingRepository, SessionRepository, TokenRepository,
} from '@prystan/persistence';
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
    private readonly routingRepo: RoutingRepository,
    private readonly tokens: TokenRepository,
    private readonly audit: AuditRepository,
    private readonly escalations: EscalationRepository,
    private readonly routing: RoutingProcessor,
    private readonly closure: SessionClosureService,
    private readonly ending: SessionEnding,
    private readonly conversation: ConversationService,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: AppLogger,
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
      await this.conversation.postSystemNote(id, SYSTEM_TEXT.inactivityPrompt[language], ['active']);
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
