import { Inject, Injectable } from '@nestjs/common';
import { LANGUAGES, STAFF_OUT, type Language } from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { SessionRepository } from '@prystan/persistence';
import { Notifier, QueueBus } from '@prystan/platform';
import { detectRisk } from '@prystan/risk';

/**
 * Risk detection runs here, in the gateway, on the plaintext it already holds: the text
 * never goes into a job payload. A match raises the session to the first routing class,
 * shows its counsellor a banner and alerts managers while it waits. Only codes travel.
 */
@Injectable()
export class RiskService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly notifier: Notifier,
    private readonly bus: QueueBus,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async inspect(sessionId: string, language: Language, text: string): Promise<void> {
    // the session's language first, then the others: people switch languages under stress
    const languages = [language, ...LANGUAGES.filter((l) => l !== language)];
    const match = languages.map((l) => detectRisk(text, l)).find((m) => m !== null);
    if (!match) return;
    const flagged = await this.sessions.flag(sessionId, match.category);
    if (!flagged) return;
    const payload = { sessionId, category: match.category, ruleId: match.ruleId, lexiconVersion: match.lexiconVersion, riskFlags: flagged.riskFlags };
    this.notifier.sessionStaff(sessionId, STAFF_OUT.riskFlag, payload);
    if (flagged.state === 'offered' && flagged.counsellorId) this.notifier.staff(flagged.counsellorId, STAFF_OUT.riskFlag, payload);
    if (flagged.state === 'waiting' || flagged.state === 'offered') {
      this.notifier.managers(STAFF_OUT.alert, { kind: 'flagged-waiting', sessionId, language, category: match.category, at: new Date().toISOString() });
      await this.bus.route('risk-flag');
    }
    this.logger.info({ sessionId, category: match.category, ruleId: match.ruleId }, 'risk flag raised');
  }
}
