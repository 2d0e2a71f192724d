import { Inject, Injectable } from '@nestjs/common';
import { CHAT_OUT, STAFF_OUT, type EndedBy } from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import type { SessionRecord } from '@prystan/persistence';
import { Notifier } from '@prystan/platform';
import { QueueBus } from '@prystan/queue';

/**
 * What follows the end of a session, wherever it ended (survivor, timeout, abandonment):
 * both sides are told, the record and clean-up are queued, and routing runs for the freed slot.
 */
@Injectable()
export class SessionEnding {
  constructor(private readonly notifier: Notifier, private readonly bus: QueueBus, @Inject(LOGGER) private readonly logger: AppLogger) {}

  async announce(session: SessionRecord, previousState: string, by: EndedBy, options: { quickExit?: boolean; tellSurvivor?: boolean } = {}): Promise<void> {
    if (options.tellSurvivor) this.notifier.survivor(session.id, CHAT_OUT.ended, { by });
    if (previousState === 'offered' && session.counsellorId) {
      this.notifier.staff(session.counsellorId, STAFF_OUT.offerWithdrawn, { sessionId: session.id, reason: 'ended' });
    }
    if (previousState === 'active') {
      this.notifier.sessionStaff(session.id, STAFF_OUT.ended, { sessionId: session.id, by, quickExit: options.quickExit === true });
    }
    try {
      await this.bus.sessionEnded(session.id);
      await this.bus.route('session-end');
    } catch (err) {
      // the maintenance sweep logs and cleans ended sessions even if these jobs are lost
      this.logger.error({ err, sessionId: session.id }, 'could not queue the end of a session');
    }
  }
}
