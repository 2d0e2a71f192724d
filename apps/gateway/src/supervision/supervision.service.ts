import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@prystan/config';
import {
  CHAT_OUT, conflict, forbidden, invalidInput, notFound, offerPayload, STAFF_OUT, SYSTEM_TEXT,
  type Language, type SessionReassignDto, type SessionTransferDto,
} from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import {
  AuditRepository, EscalationRepository, SessionRepository, SupervisionRepository, type SessionRecord, type Sql, type StaffRecord,
} from '@prystan/persistence';
import { ConversationService, ownEscalationItem } from '@prystan/conversation';
import { Notifier } from '@prystan/platform';
import { QueueBus } from '@prystan/queue';
import { RoutingService } from '@prystan/routing';

export const isManager = (s: StaffRecord) => s.role === 'manager' || s.role === 'admin';

type Moved = SessionRecord & { waitedSeconds: number };

/**
 * Hand-overs and oversight: a counsellor transfers a chat, a duty manager reassigns a
 * waiting session or follows a live one read-only. Every one of them is audited; the
 * capacity checks run under the routing lock, so nobody ends up above their `maxChats`.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly routing: RoutingService,
    private readonly sessions: SessionRepository,
    private readonly repo: SupervisionRepository,
    private readonly audit: AuditRepository,
    private readonly escalations: EscalationRepository,
    private readonly conversation: ConversationService,
    private readonly notifier: Notifier,
    private readonly bus: QueueBus,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /**
   * One's own offers, chats and chats awaiting their closing form, with the live chats' history
   * and the escalations raised from each chat, by them or by a colleague before a transfer
   * (status and service, never the details).
   */
  async mine(me: StaffRecord) {
    const rows = await this.repo.own(me.id);
    const chats = rows.filter((r): r is typeof r & { state: 'active' | 'ended' } => r.state !== 'offered');
    const raised = await this.escalations.forChats(chats.map((r) => r.sessionId), me.uiLanguage);
    const sessions = await Promise.all(chats.map(async (r) => ({
      sessionId: r.sessionId, language: r.language, state: r.state, triage: r.triage, riskFlags: r.riskFlags, riskSignals: r.riskSignals,
      assignedAt: r.assignedAt && new Date(r.assignedAt).toISOString(), endedBy: r.endedBy, quickExit: r.quickExit,
      survivorConnected: r.survivorConnected, messages: r.state === 'active' ? await this.conversation.history(r.sessionId) : [],
      escalations: raised.filter((e) => e.sessionId === r.sessionId).map((e) => ownEscalationItem(e, me.id)),
    })));
    const offers = rows.filter((r) => r.state === 'offered').map((r) => ({
      sessionId: r.sessionId, language: r.language, triage: r.triage, riskFlags: r.riskFlags, waitedSeconds: r.waitedSeconds, expiresInSeconds: r.expiresInSeconds ?? 1,
    }));
    return { sessions, offers };
  }

  async live(me: StaffRecord) {
    if (!isManager(me)) throw forbidden('only duty managers and admins see every live session');
    return (await this.repo.live()).map((r) => ({ ...r, assignedAt: r.assignedAt && new Date(r.assignedAt).toISOString() }));
  }

  /** Read-only: `join` puts the caller's socket in the session's room, before anything is read. */
  async monitor(me: StaffRecord, sessionId: string, join: () => void | Promise<void>) {
    if (!isManager(me)) throw forbidden('only duty managers and admins can follow a chat');
    await join();
    const session = await this.sessions.findById(sessionId);
    if (!session || session.state === 'ended') throw notFound('no live session with this id');
    await this.audit.record(me.id, 'session.monitored', { sessionId, targetStaffId: session.counsellorId ?? undefined });
    this.logger.info({ sessionId, staffId: me.id }, 'session monitored');
    return {
      sessionId, language: session.language, state: session.state, triage: session.triage, riskFlags: session.riskFlags,
      counsellorName: await this.repo.counsellorName(session.counsellorId), messages: await this.conversation.history(sessionId),
    };
  }

  async isOwnChat(me: StaffRecord, sessionId: string): Promise<boolean> {
    return (await this.sessions.findById(sessionId))?.counsellorId === me.id;
  }

  /** A counsellor hands their active chat to a colleague (as an offer) or back to a language line. */
  async transfer(me: StaffRecord, dto: SessionTransferDto) {
    if (!dto.toStaffId && !dto.toLanguage) throw invalidInput('give toStaffId, toLanguage or both');
    if (dto.toStaffId === me.id) throw invalidInput('you cannot transfer a chat to yourself');
    const moved = await this.routing.underLock(async (tx) => {
      const session = await this.sessions.findById(dto.sessionId, tx);
      if (!session) throw notFound('no such session');
      if (session.counsellorId !== me.id || session.state !== 'active') throw forbidden('you can transfer only your own active chat');
      if (dto.toStaffId) await this.assertRoom(tx, dto.toStaffId, dto.toLanguage ?? session.language);
      return this.sessions.transferTo(dto.sessionId, me.id, { staffId: dto.toStaffId, language: dto.toLanguage }, this.config.OFFER_TIMEOUT_SECONDS, tx);
    });
    if (!moved) throw conflict('this chat is no longer yours to transfer');
    this.notifier.removeStaffFromSession(me.id, moved.id);
    this.notifier.staff(me.id, STAFF_OUT.transferred, { sessionId: moved.id, toStaffId: dto.toStaffId ?? null, toLanguage: moved.language });
    await this.tellSurvivor(moved.id, moved.language);
    if (dto.toStaffId) this.offer(moved, dto.toStaffId, { transferredBy: me.name, ...(dto.note?.trim() ? { note: dto.note.trim() } : {}) });
    await this.audit.record(me.id, 'session.transferred', { sessionId: moved.id, targetStaffId: dto.toStaffId });
    await this.afterMove(moved, dto.toStaffId);
    this.logger.info({ sessionId: moved.id, staffId: me.id, toStaffId: dto.toStaffId, toLanguage: moved.language }, 'session transferred');
    return { sessionId: moved.id, state: moved.state, language: moved.language };
  }

  /** A duty manager moves a session still in the line: to a counsellor (as an offer) or to another language's line. */
  async reassign(me: StaffRecord, dto: SessionReassignDto) {
    if (!isManager(me)) throw forbidden('only duty managers and admins can reassign');
    if (!dto.toStaffId && !dto.toLanguage) throw invalidInput('give toStaffId, toLanguage or both');
    const moved = await this.routing.underLock(async (tx) => {
      const session = await this.sessions.findById(dto.sessionId, tx);
      if (!session) throw notFound('no such session');
      if (session.state !== 'waiting' && session.state !== 'offered') throw conflict(`only a session still in the line can be reassigned; this one is ${session.state}`);
      if (dto.toStaffId && session.counsellorId === dto.toStaffId) throw conflict('it is already offered to them');
      if (dto.toStaffId) await this.assertRoom(tx, dto.toStaffId, dto.toLanguage ?? session.language);
      return this.sessions.reassign(dto.sessionId, { staffId: dto.toStaffId, language: dto.toLanguage }, this.config.OFFER_TIMEOUT_SECONDS, tx);
    });
    if (!moved) throw conflict('this session has just left the line');
    if (moved.previousCounsellorId) this.notifier.staff(moved.previousCounsellorId, STAFF_OUT.offerWithdrawn, { sessionId: moved.id, reason: 'reassigned' });
    if (dto.toStaffId) this.offer(moved, dto.toStaffId, { transferredBy: me.name });
    await this.audit.record(me.id, 'session.reassigned', { sessionId: moved.id, targetStaffId: dto.toStaffId });
    await this.afterMove(moved, dto.toStaffId);
    this.logger.info({ sessionId: moved.id, staffId: me.id, toStaffId: dto.toStaffId, toLanguage: moved.language }, 'session reassigned');
    return { sessionId: moved.id, state: moved.state, language: moved.language };
  }

  private async assertRoom(tx: Sql, staffId: string, language: Language): Promise<void> {
    const target = await this.repo.target(staffId, tx);
    if (!target || target.disabled) throw notFound('no such staff member');
    if (!target.languages.includes(language)) throw invalidInput(`${target.name} does not take chats in ${language}`);
    if (target.presence !== 'available') throw conflict(`${target.name} is not available now`);
    if (target.load >= target.maxChats) throw conflict(`${target.name} has no room for another chat`);
  }

  /** The survivor hears that someone else will talk with them; the note stays in the transcript. */
  private async tellSurvivor(sessionId: string, language: Language): Promise<void> {
    await this.conversation.postSystemNote(sessionId, SYSTEM_TEXT.transferred[language], ['waiting', 'offered']);
    this.notifier.survivor(sessionId, CHAT_OUT.transferred, { language });
  }

  private offer(session: Moved, staffId: string, handover: { transferredBy: string; note?: string }): void {
    this.notifier.staff(staffId, STAFF_OUT.offer, offerPayload({ ...session, sessionId: session.id, offerExpiresAt: session.offerExpiresAt! }, handover));
  }

  /** The offer's timer (the worker expires it like any other) and a routing pass for the line. */
  private async afterMove(session: Moved, toStaffId: string | undefined): Promise<void> {
    if (toStaffId) await this.bus.expireOffer(session.id, session.offerSeq, new Date(session.offerExpiresAt!).getTime() - Date.now());
    await this.bus.route(toStaffId ? 'handover' : 'handover-line');
  }
}
