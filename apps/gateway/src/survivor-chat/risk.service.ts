import { Inject, Injectable } from '@nestjs/common';
import { LANGUAGES, STAFF_OUT, type Language } from '@prystan/contract';
import { CONFIG, type Config } from '@prystan/config';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { SessionRepository } from '@prystan/persistence';
import { Notifier } from '@prystan/platform';
import { QueueBus } from '@prystan/queue';
import { describeRisk, detectRisk, detectRiskAdvisory, detectRiskLexicon, strongestMatch, type RiskMatch } from '@prystan/risk';
import { retryLater } from '../common/retry-later';

/** Waits between attempts to record a flag (about two minutes in all: longer than a database restart). */
const FLAG_RETRY_MS = [250, 500, 1000, 2000, 4000, 8000, 15_000, 30_000, 60_000];

/**
 * Risk detection runs here, in the gateway, on the plaintext it already holds: the text
 * never goes into a job payload. A match raises the session to the first routing class,
 * shows its counsellor a banner and alerts managers while it waits. An advisory match (the
 * model, under its priority threshold) shows the banner only. Only codes travel.
 *
 * It runs after the message is acknowledged and apart from it: a failure here neither loses
 * nor delays the message. The text is matched once; recording the flag (codes only) is
 * retried until it holds, so a database hiccup does not lose the flag either.
 */
@Injectable()
export class RiskService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly notifier: Notifier,
    private readonly bus: QueueBus,
    @Inject(LOGGER) private readonly logger: AppLogger,
    @Inject(CONFIG) config: Config,
  ) {
    this.detectIn = { off: detectRiskLexicon, advisory: detectRiskAdvisory, on: detectRisk }[config.RISK_MODEL];
  }

  /** The lexicon alone, or the lexicon and the model beside it, advisory only or not (RISK_MODEL). */
  private readonly detectIn: typeof detectRisk;

  /**
   * `text` is the message as stored (trimmed); `language` the session's, when known, is tried first.
   * Returns at once and starts on the next turn, after the acknowledgement has gone; resolves when
   * the flag is recorded or given up.
   */
  async inspectAfterAck(sessionId: string, language: Language | undefined, text: string): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    let match: RiskMatch | null;
    try {
      match = this.detect(language, text);
    } catch (err) {
      // a lexicon bug: retrying the same text would fail the same way
      this.logger.error({ err, sessionId }, 'risk detection failed on a message');
      return;
    }
    if (!match) return;
    const found = match;
    await retryLater(() => this.raise(sessionId, found), FLAG_RETRY_MS, (err, attempt, final) => {
      if (final) this.logger.error({ err, sessionId, category: found.category, attempt }, 'risk flag could not be recorded; the counsellor still reads the message');
      else this.logger.warn({ err, sessionId, category: found.category, attempt }, 'risk flag not recorded yet; retrying');
    });
  }

  /**
   * The session's language first, then the others: people switch languages under stress. A match
   * that raises priority (a rule, or the model above its priority threshold) in any language wins
   * over an advisory one in an earlier language.
   */
  private detect(language: Language | undefined, text: string): RiskMatch | null {
    const languages = language ? [language, ...LANGUAGES.filter((l) => l !== language)] : LANGUAGES;
    return strongestMatch(languages.map((l) => this.detectIn(text, l)));
  }

  private async raise(sessionId: string, match: RiskMatch): Promise<void> {
    const advisory = match.advisory === true;
    const reason = describeRisk(match);
    const flagged = await this.sessions.flag(sessionId, { category: match.category, reason, advisory });
    if (!flagged) return;
    // a model's flag says how sure it is (two decimals), so the counsellor can weigh it against a rule's
    const probability = match.probability === undefined ? {} : { probability: Math.round(match.probability * 100) / 100 };
    const payload = {
      sessionId, category: match.category, ruleId: match.ruleId, lexiconVersion: match.lexiconVersion, ...probability,
      ...(advisory ? { advisory: true as const } : {}), reason, riskFlags: flagged.riskFlags, riskSignals: flagged.riskSignals,
    };
    this.notifier.sessionStaff(sessionId, STAFF_OUT.riskFlag, payload);
    if (flagged.state === 'offered' && flagged.counsellorId) this.notifier.staff(flagged.counsellorId, STAFF_OUT.riskFlag, payload);
    this.logger.info({ sessionId, category: match.category, ruleId: match.ruleId, advisory }, 'risk flag raised');
    // an advisory flag is the counsellor's banner only: it moves nobody in the line and alerts no one
    if (!advisory && (flagged.state === 'waiting' || flagged.state === 'offered')) {
      this.notifier.managers(STAFF_OUT.alert, { kind: 'flagged-waiting', sessionId, language: flagged.language, category: match.category, at: new Date().toISOString() });
      // the flag is recorded: a lost trigger is made up by the sweep's routing pass, so it is not retried (no second alert)
      await this.bus.route('risk-flag').catch((err: unknown) => this.logger.warn({ err, sessionId }, 'routing trigger after a risk flag not queued; the sweep will route'));
    }
  }
}
