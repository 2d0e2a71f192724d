import { Inject, Injectable } from '@nestjs/common';
import { anonymise } from '@prystan/anonymised-log';
import { CONFIG, type Config } from '@prystan/config';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { ContactLogRepository, Db, EscalationRepository, MessageRepository, SessionRepository } from '@prystan/persistence';

/** How long an answered chat that ended without a closing form waits for it before being logged anyway. */
export const FORM_DEADLINE_MS = 2 * 60 * 60 * 1000;

/**
 * After a session ends: its transcript is deleted (unless supervision retention is set) and
 * its anonymised contact record written, once the counsellor's closing form is in.
 */
@Injectable()
export class SessionClosureService {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionRepository,
    private readonly messages: MessageRepository,
    private readonly log: ContactLogRepository,
    private readonly escalations: EscalationRepository,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async process(sessionId: string, now = new Date()): Promise<{ deleted: number; logged: boolean }> {
    const deleted = this.config.TRANSCRIPT_RETENTION_HOURS === 0 ? await this.messages.deleteForSession(sessionId) : 0;
    const facts = await this.sessions.forAnonymisation(sessionId);
    if (!facts) return { deleted, logged: false };
    const waitingForForm = facts.answered && facts.outcome === null && now.getTime() - new Date(facts.endedAt).getTime() < FORM_DEADLINE_MS;
    if (waitingForForm) return { deleted, logged: false };
    const escalationKinds = await this.escalations.kindsForSession(sessionId);
    const logged = await this.db.transaction(async (tx) => {
      if (!(await this.sessions.markLogged(sessionId, tx))) return false;
      await this.log.insert(anonymise(facts, escalationKinds), tx);
      return true;
    });
    if (logged) this.logger.info({ messagesDeleted: deleted }, 'contact logged');
    return { deleted, logged };
  }

}
