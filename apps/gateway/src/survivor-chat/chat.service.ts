import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CHAT_OUT, conflict, invalidInput, notFound, STAFF_OUT, SYSTEM_TEXT,
  type Language, type SessionEndDto, type SessionStartDto, type WireMessage,
} from '@prystan/contract';
import { hashToken, newToken } from '@prystan/crypto';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { SessionRepository, StaffRepository, type SessionRecord } from '@prystan/persistence';
import { ConversationService, SessionEnding } from '@prystan/conversation';
import { Notifier } from '@prystan/platform';
import { QueueBus } from '@prystan/queue';
import { PrystanMetrics } from '@prystan/metrics';
import { LineService, priorityFor } from '@prystan/routing';
import { RiskService } from './risk.service';

const LIVE = ['waiting', 'offered', 'active'];

/** The survivor's side of a session: start, resume, write, end. */
@Injectable()
export class ChatService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly staff: StaffRepository,
    private readonly conversation: ConversationService,
    private readonly line: LineService,
    private readonly bus: QueueBus,
    private readonly notifier: Notifier,
    private readonly ending: SessionEnding,
    private readonly risk: RiskService,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly metrics: PrystanMetrics,
  ) {}

  /**
   * `join` puts the survivor's socket in the session's room before routing can pair it, so
   * an offer accepted at once still reaches them with `session:assigned`.
   */
  async start(dto: SessionStartDto, socketId: string, join: (sessionId: string) => Promise<void>) {
    const resumeToken = newToken();
    const triage = { immediateDanger: dto.triage.immediateDanger, forWhom: dto.triage.forWhom, ageGroup: dto.triage.ageGroup };
    const { session, standing } = await this.sessions.create({
      id: randomUUID(),
      language: dto.language,
      priority: priorityFor(triage),
      triage,
      resumeTokenHash: hashToken(resumeToken),
      socketId,
    });
    await join(session.id);
    const safetyCheck = await this.conversation.append({ sessionId: session.id, sender: 'system', text: SYSTEM_TEXT.safetyCheck[dto.language], states: LIVE });
    // the worker pairs while this gateway records the place it tells
    const [, place] = await Promise.all([this.bus.route('session-start'), this.line.told(session.id, standing)]);
    this.metrics.sessionsStarted.inc({ language: dto.language });
    this.logger.info({ sessionId: session.id, language: dto.language, priority: session.priority }, 'session started');
    return {
      session,
      safetyCheck: safetyCheck.message,
      resumeToken,
      position: place.position,
      estimatedWaitSeconds: place.estimatedWaitSeconds,
    };
  }

  /**
   * Every resume moves the session to a new token (the client's proposal, else a fresh one) and
   * the old one is dead from then on, so a token copied from a shared device or a page dump
   * stops working the next time the survivor's own page comes back.
   * `takeOver` moves the session's room to this socket before the state and the history are
   * read, so nothing falls between: a counsellor who accepts before the read is in the answer,
   * one who accepts after it is told to the socket as `session:assigned`.
   */
  async resume(resumeToken: string, proposed: string | undefined, socketId: string, takeOver: (sessionId: string) => Promise<void>) {
    if (proposed === resumeToken) throw invalidInput('nextResumeToken must differ from resumeToken');
    const nextToken = proposed ?? newToken();
    const found = await this.sessions.rotateResumeToken(hashToken(resumeToken), hashToken(nextToken)).catch((err: unknown) => {
      // the proposal is another session's token: whoever sent it knows that token already; refuse, say nothing more
      if ((err as { code?: string }).code === '23505') throw conflict('choose another nextResumeToken');
      throw err;
    });
    if (!found) throw notFound('no session for this token');
    if (found.state === 'ended') return { session: found, resumeToken: nextToken, messages: [] as WireMessage[], position: undefined, counsellorName: undefined };
    const { session, messages, place, counsellor } = await this.attach(found, socketId, takeOver).catch(async (err: unknown) => {
      // the session moved to the new token but the survivor will hear an error, not the token:
      // move it back, so the token they hold still resumes (unless another resume moved it since)
      await this.sessions.rotateResumeToken(hashToken(nextToken), hashToken(resumeToken)).catch(() => undefined);
      throw err;
    });
    if (session.state === 'active') this.notifier.sessionStaff(session.id, STAFF_OUT.survivorConnection, { sessionId: session.id, connected: true });
    return { session, resumeToken: nextToken, messages: session.state === 'ended' ? [] : messages, position: place, counsellorName: counsellor?.name };
  }

  /** The resumed session on this socket: its room, its socket, and what the survivor is shown. */
  private async attach(found: SessionRecord, socketId: string, takeOver: (sessionId: string) => Promise<void>) {
    await takeOver(found.id);
    const session = (await this.sessions.attachSurvivor(found.id, socketId)) ?? found;
    const [messages, place, counsellor] = await Promise.all([
      this.conversation.history(session.id),
      session.state === 'active' || session.state === 'ended' ? undefined : this.line.positionOf(session.id, session.language),
      session.state === 'active' && session.counsellorId ? this.staff.findById(session.counsellorId) : undefined,
    ]);
    return { session, messages, place, counsellor };
  }

  async send(sessionId: string, clientId: string, text: string) {
    const result = await this.conversation.appendOrConflict({ sessionId, sender: 'survivor', clientId, text, states: LIVE });
    if (result.kind === 'refused') throw notFound('no session on this connection');
    if (result.kind === 'inserted' && result.message) {
      this.notifier.sessionStaff(sessionId, CHAT_OUT.message, result.message);
    }
    // after the acknowledgement and apart from it, on the text as stored; a repeat is inspected
    // again, in case this gateway went down between storing the first and inspecting it
    void this.risk.inspectAfterAck(sessionId, result.kind === 'inserted' ? (result.language as Language) : undefined, result.message?.text ?? text.trim());
    return { id: result.id, sentAt: result.sentAt.toISOString() };
  }

  async isLive(sessionId: string): Promise<boolean> {
    const session = await this.sessions.findById(sessionId);
    return !!session && session.state !== 'ended';
  }

  async typing(sessionId: string, isTyping: boolean) {
    this.notifier.sessionStaff(sessionId, STAFF_OUT.typing, { sessionId, isTyping });
  }

  async end(sessionId: string, dto: SessionEndDto) {
    const quickExit = dto.reason === 'quick-exit';
    const ended = await this.sessions.end(sessionId, 'survivor', quickExit);
    if (!ended) return;
    await this.ending.announce(ended, ended.previousState, 'survivor', { quickExit });
    this.logger.info({ sessionId, quickExit }, 'session ended by survivor');
  }

  async disconnected(sessionId: string, socketId: string) {
    const session = await this.sessions.detachSurvivor(sessionId, socketId);
    if (session?.state === 'active') {
      this.notifier.sessionStaff(sessionId, STAFF_OUT.survivorConnection, { sessionId, connected: false });
    }
  }
}
