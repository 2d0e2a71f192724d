import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CHAT_OUT, notFound, STAFF_OUT, SYSTEM_TEXT,
  type Language, type SessionEndDto, type SessionStartDto, type WireMessage,
} from '@prystan/contract';
import { hashToken, newToken } from '@prystan/crypto';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { SessionRepository, type SessionRecord } from '@prystan/persistence';
import { Notifier, QueueBus, SessionEnding } from '@prystan/platform';
import { LineService, priorityFor } from '@prystan/routing';
import { ConversationService } from '../conversation/conversation.service';
import { RiskService } from '../conversation/risk.service';

const LIVE = ['waiting', 'offered', 'active'];

/** The survivor's side of a session: start, resume, write, end. */
@Injectable()
export class ChatService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly conversation: ConversationService,
    private readonly line: LineService,
    private readonly bus: QueueBus,
    private readonly notifier: Notifier,
    private readonly ending: SessionEnding,
    private readonly risk: RiskService,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /**
   * `join` puts the survivor's socket in the session's room before routing can pair it, so
   * an offer accepted at once still reaches them with `session:assigned`.
   */
  async start(dto: SessionStartDto, socketId: string, join: (sessionId: string) => Promise<void>) {
    const resumeToken = newToken();
    const triage = { immediateDanger: dto.triage.immediateDanger, forWhom: dto.triage.forWhom, ageGroup: dto.triage.ageGroup };
    const session = await this.sessions.create({
      id: randomUUID(),
      language: dto.language,
      priority: priorityFor(triage),
      triage,
      resumeTokenHash: hashToken(resumeToken),
      socketId,
    });
    await join(session.id);
    const safetyCheck = await this.conversation.append({ sessionId: session.id, sender: 'system', text: SYSTEM_TEXT.safetyCheck[dto.language], states: LIVE });
    // routing first: the worker pairs while this gateway computes the position
    await this.bus.route('session-start');
    const place = await this.line.positionOf(session.id, dto.language);
    this.logger.info({ sessionId: session.id, language: dto.language, priority: session.priority }, 'session started');
    return {
      session,
      safetyCheck: safetyCheck.message,
      resumeToken,
      position: place?.position ?? 1,
      estimatedWaitSeconds: place?.estimatedWaitSeconds ?? null,
    };
  }

  /** `takeOver` moves the session's room to this socket before the history is read, so nothing falls between. */
  async resume(resumeToken: string, socketId: string, takeOver: (sessionId: string) => Promise<void>) {
    const session = await this.sessions.findByResumeToken(hashToken(resumeToken));
    if (!session) throw notFound('no session for this token');
    if (session.state === 'ended') return { session, messages: [] as WireMessage[], position: undefined };
    await takeOver(session.id);
    await this.sessions.attachSurvivor(session.id, socketId);
    const [messages, place] = await Promise.all([
      this.conversation.history(session.id),
      session.state === 'active' ? undefined : this.line.positionOf(session.id, session.language),
    ]);
    if (session.state === 'active') this.notifier.sessionStaff(session.id, STAFF_OUT.survivorConnection, { sessionId: session.id, connected: true });
    return { session, messages, position: place };
  }

  async send(sessionId: string, clientId: string, text: string) {
    const result = await this.conversation.appendOrConflict({ sessionId, sender: 'survivor', clientId, text, states: LIVE });
    if (result.kind === 'refused') throw notFound('no session on this connection');
    if (result.kind === 'inserted' && result.message) {
      this.notifier.sessionStaff(sessionId, CHAT_OUT.message, result.message);
      await this.risk.inspect(sessionId, result.language as Language, text);
    }
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
