import { Inject, Injectable } from '@nestjs/common';
import {
  CHAT_OUT, conflict, forbidden, notFound, STAFF_OUT, type Presence, type SessionCloseDto,
} from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { EscalationRepository, SessionRepository, StaffRepository, type StaffRecord } from '@prystan/persistence';
import { ConversationService, ownEscalationItem } from '@prystan/conversation';
import { Notifier } from '@prystan/platform';
import { QueueBus } from '@prystan/queue';
import { PrystanMetrics } from '@prystan/metrics';
import { RoutingService } from '@prystan/routing';

/** The counsellor's side of a session: presence, offers, messages, closing. */
@Injectable()
export class StaffSessionService {
  constructor(
    private readonly routing: RoutingService,
    private readonly sessions: SessionRepository,
    private readonly staff: StaffRepository,
    private readonly conversation: ConversationService,
    private readonly escalations: EscalationRepository,
    private readonly notifier: Notifier,
    private readonly bus: QueueBus,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly metrics: PrystanMetrics,
  ) {}

  /**
   * Presence changes under the routing lock, so a routing pass never offers to someone who
   * just left. Going away or offline hands back any offer they were holding.
   */
  async setPresence(me: StaffRecord, status: Presence): Promise<Presence> {
    const withdrawn = await this.routing.underLock(async (tx) => {
      await this.staff.setPresence(me.id, status, tx);
      return status === 'available' ? [] : this.sessions.withdrawOffersFrom(me.id, tx);
    });
    this.metrics.offers.inc({ outcome: 'withdrawn' }, withdrawn.length);
    for (const id of withdrawn) this.notifier.staff(me.id, STAFF_OUT.offerWithdrawn, { sessionId: id, reason: 'presence' });
    this.notifier.staff(me.id, STAFF_OUT.presence, { status });
    await this.bus.route('presence');
    this.logger.info({ staffId: me.id, status }, 'presence set');
    return status;
  }

  async accept(me: StaffRecord, sessionId: string) {
    const session = await this.sessions.accept(sessionId, me.id);
    if (!session) throw conflict('this offer has expired or gone to someone else');
    this.metrics.offers.inc({ outcome: 'accepted' });
    this.notifier.joinStaffToSession(me.id, sessionId);
    // the counsellor's other tabs drop the offer card and fetch the chat
    this.notifier.staff(me.id, STAFF_OUT.offerWithdrawn, { sessionId, reason: 'accepted' });
    this.notifier.survivor(sessionId, CHAT_OUT.assigned, { counsellorName: me.name, language: session.language });
    const messages = await this.conversation.history(sessionId);
    // a transferred chat comes with what a colleague already escalated (status and service, never details)
    const escalations = (await this.escalations.forChats([sessionId], me.uiLanguage)).map((e) => ownEscalationItem(e, me.id));
    await this.bus.route('accept');
    this.logger.info({ sessionId, staffId: me.id }, 'offer accepted');
    return {
      sessionId, language: session.language, triage: session.triage, riskFlags: session.riskFlags, riskSignals: session.riskSignals,
      survivorConnected: session.survivorConnected, messages, escalations,
    };
  }

  async decline(me: StaffRecord, sessionId: string) {
    const session = await this.sessions.decline(sessionId, me.id);
    if (!session) throw conflict('this offer has expired or gone to someone else');
    this.metrics.offers.inc({ outcome: 'declined' });
    await this.bus.route('decline');
    this.logger.info({ sessionId, staffId: me.id }, 'offer declined');
  }

  async send(me: StaffRecord, sessionId: string, clientId: string, text: string) {
    const result = await this.conversation.append({ sessionId, sender: 'counsellor', staffId: me.id, clientId, text, states: ['active'] });
    if (result.kind === 'refused') throw forbidden('you can only write in your own active chats');
    return result;
  }

  async assertOwnActive(me: StaffRecord, sessionId: string) {
    const session = await this.sessions.findById(sessionId);
    if (!session || session.counsellorId !== me.id || session.state !== 'active') throw forbidden('not one of your active chats');
    return session;
  }

  async close(me: StaffRecord, dto: SessionCloseDto) {
    const before = await this.sessions.findById(dto.sessionId);
    if (!before) throw notFound('no such session');
    if (before.counsellorId !== me.id) throw forbidden('not one of your chats');
    const closed = await this.sessions.recordClose(dto.sessionId, me.id, dto);
    if (!closed) throw conflict('this chat is already closed');
    if (before.state === 'active') {
      this.notifier.survivor(dto.sessionId, CHAT_OUT.ended, { by: 'counsellor' });
      this.notifier.sessionStaff(dto.sessionId, STAFF_OUT.ended, { sessionId: dto.sessionId, by: 'counsellor' });
    }
    this.notifier.closeSessionRooms(dto.sessionId);
    await this.bus.sessionEnded(dto.sessionId, 'form');
    await this.bus.route('close');
    this.logger.info({ sessionId: dto.sessionId, staffId: me.id }, 'session closed');
  }
}
