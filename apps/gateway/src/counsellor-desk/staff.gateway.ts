import { Inject, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer,
  type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit,
} from '@nestjs/websockets';
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import {
  CHAT_OUT, EscalationCreateDto, EscalationPhoneResultDto, NAMESPACE, PresenceDto, rooms, SessionCloseDto, SessionRefDto,
  queueStatusPayload, STAFF_IN, STAFF_OUT, StaffMessageDto, StaffTypingDto, type ReplyOf, type StaffEvents, type ToStaff,
} from '@prystan/contract';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { RoutingRepository, SessionRepository, StaffRepository, type StaffRecord } from '@prystan/persistence';
import { Notifier } from '@prystan/platform';
import { hashToken } from '@prystan/crypto';
import { AuthService } from '../accounts/auth.service';
import { TokenLiveness } from '../accounts/token-liveness';
import { ContractPipe } from '../common/contract.pipe';
import { RateLimits } from '../common/rate-limits';
import { limitSocketEvents } from '../common/socket-rate-limit';
import { answerUnknownEvents } from '../common/unknown-events';
import { WsAckFilter } from '../common/ws-ack.filter';
import { EscalationService } from '../escalation/escalation.service';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { StaffSessionService } from './staff-session.service';

/** `tokenHash`: the token this socket was opened with, re-checked on every event. */
interface StaffSocketData { staff: StaffRecord; tokenHash: Buffer; expiryTimer?: NodeJS.Timeout }
type StaffSocket = Socket<StaffEvents, ToStaff, DefaultEventsMap, StaffSocketData>;
/** The events `/staff` serves (this gateway's and SupervisionGateway's); any other is answered `not_found`. */
const KNOWN_EVENTS: ReadonlySet<string> = new Set(Object.values(STAFF_IN));
type StaffNamespace = Namespace<StaffEvents, ToStaff, DefaultEventsMap, StaffSocketData>;
/** What a handler answers: the success branch of its event's acknowledgement (errors are thrown and WsAckFilter answers them). */
type Reply<K extends keyof StaffEvents> = Promise<ReplyOf<StaffEvents, K>>;

const isManager = (s: StaffRecord) => s.role === 'manager' || s.role === 'admin';

/** A counsellor whose every connection has been gone this long is set away (their offers go back). */
const GONE_AFTER_MS = 20_000;


/**
 * Namespace `/staff`. The handshake's token is checked by a namespace middleware, so a bad
 * one is refused with `connect_error` before any handler runs (guards do not run on connect).
 */
@WebSocketGateway({ namespace: NAMESPACE.staff })
@UseFilters(WsAckFilter)
@UsePipes(ContractPipe)
export class StaffGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() private readonly nsp: StaffNamespace;

  constructor(
    private readonly auth: AuthService,
    private readonly service: StaffSessionService,
    private readonly escalations: EscalationService,
    private readonly sessions: SessionRepository,
    private readonly staffRepo: StaffRepository,
    private readonly routing: RoutingRepository,
    private readonly notifier: Notifier,
    private readonly limits: RateLimits,
    private readonly liveness: TokenLiveness,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly metrics: GatewayMetrics,
  ) {}

  afterInit(nsp: StaffNamespace) {
    nsp.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      this.admit(socket as StaffSocket, typeof token === 'string' ? token : undefined).then(
        (refusal) => next(refusal ? new Error(refusal) : undefined),
        () => next(new Error('unavailable')),
      );
    });
  }

  /**
   * The rooms are joined here, before the client hears `connect`: an offer or a message sent
   * the moment after the handshake (the worker is fast) must find the socket in its rooms.
   */
  private async admit(socket: StaffSocket, token: string | undefined): Promise<'unauthorized' | 'mfa_required' | undefined> {
    const access = await this.auth.resolve(token);
    if (!access) return 'unauthorized';
    if (access.enrolmentOnly) return 'mfa_required';
    const { staff } = access;
    const tokenHash = hashToken(token!);
    socket.data = { staff, tokenHash };
    // the token's room first: a sign-out from now on closes this socket, on whichever gateway
    await socket.join(this.auth.socketRoom(tokenHash));
    // then the own room: a chat accepted in another tab from now on joins this socket through it,
    // and one accepted before is in the read below
    await socket.join(isManager(staff) ? [rooms.staff(staff.id), rooms.managers] : rooms.staff(staff.id));
    const own = await this.sessions.activeForStaff(staff.id);
    await socket.join(own.filter((s) => s.state === 'active').map((s) => rooms.session(s.id)));
    this.bindToToken(socket, access.expiresAt);
    return undefined;
  }

  /** Closes the socket when its token expires, and answers no event once the token is gone. */
  private bindToToken(socket: StaffSocket, expiresAt: Date): void {
    socket.data.expiryTimer = setTimeout(() => socket.disconnect(true), Math.max(0, expiresAt.getTime() - Date.now())).unref();
    socket.use((packet, next) => {
      this.liveness.isAlive(socket.data.tokenHash).then(
        (alive) => {
          if (alive) return next();
          const ack = packet[packet.length - 1];
          if (typeof ack === 'function') ack({ ok: false, error: { code: 'forbidden', message: 'your sign-in has ended; sign in again' } });
          socket.disconnect(true);
        },
        () => {
          const ack = packet[packet.length - 1];
          if (typeof ack === 'function') ack({ ok: false, error: { code: 'unavailable', message: 'temporarily unavailable, try again' } });
        },
      );
    });
  }

  async handleConnection(socket: StaffSocket) {
    const { staff } = socket.data;
    if (!staff) return socket.disconnect(true);
    limitSocketEvents(socket, this.limits.staffEvents, staff.id);
    answerUnknownEvents(socket, KNOWN_EVENTS);
    socket.emit(STAFF_OUT.presence, { status: staff.presence });
    if (isManager(staff)) socket.emit(STAFF_OUT.queueStatus, queueStatusPayload(await this.routing.queueStatus()));
  }

  handleDisconnect(socket: StaffSocket) {
    clearTimeout(socket.data?.expiryTimer);
    const staff = socket.data?.staff;
    if (!staff) return;
    setTimeout(() => void this.awayIfGone(staff).catch((err) => this.logger.warn({ err, staffId: staff.id }, 'presence check failed')), GONE_AFTER_MS).unref();
  }

  /** Checks every gateway (through the adapter) before deciding the person has gone. */
  private async awayIfGone(staff: StaffRecord): Promise<void> {
    if ((await this.nsp.in(rooms.staff(staff.id)).fetchSockets()).length > 0) return;
    const current = await this.staffRepo.findById(staff.id);
    if (current?.presence === 'available') await this.service.setPresence(current, 'away');
  }

  @SubscribeMessage(STAFF_IN.presence)
  async presence(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: PresenceDto): Reply<'presence:set'> {
    return { ok: true, status: await this.service.setPresence(socket.data.staff, body.status) };
  }

  @SubscribeMessage(STAFF_IN.accept)
  async accept(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: SessionRefDto): Reply<'offer:accept'> {
    const session = await this.service.accept(socket.data.staff, body.sessionId);
    await socket.join(rooms.session(body.sessionId));
    return { ok: true, session };
  }

  @SubscribeMessage(STAFF_IN.decline)
  async decline(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: SessionRefDto): Reply<'offer:decline'> {
    await this.service.decline(socket.data.staff, body.sessionId);
    return { ok: true };
  }

  @SubscribeMessage(STAFF_IN.send)
  async send(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: StaffMessageDto): Reply<'message:send'> {
    const acknowledged = this.metrics.messageAck.startTimer({ from: 'counsellor' });
    const result = await this.service.send(socket.data.staff, body.sessionId, body.clientId, body.text);
    if (result.message) {
      this.notifier.survivor(body.sessionId, CHAT_OUT.message, result.message);
      socket.to(rooms.session(body.sessionId)).emit(STAFF_OUT.message, result.message);
    }
    acknowledged();
    return { ok: true, id: result.id, sentAt: result.sentAt.toISOString() };
  }

  @SubscribeMessage(STAFF_IN.typing)
  async typing(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: StaffTypingDto): Reply<'typing'> {
    await this.service.assertOwnActive(socket.data.staff, body.sessionId);
    this.notifier.survivor(body.sessionId, CHAT_OUT.typing, { isTyping: body.isTyping });
    return { ok: true };
  }

  @SubscribeMessage(STAFF_IN.close)
  async close(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: SessionCloseDto): Reply<'session:close'> {
    await this.service.close(socket.data.staff, body);
    return { ok: true };
  }

  @SubscribeMessage(STAFF_IN.escalate)
  async escalate(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: EscalationCreateDto): Reply<'escalation:create'> {
    return { ok: true, ...(await this.escalations.create(socket.data.staff, body)) };
  }

  @SubscribeMessage(STAFF_IN.phoneResult)
  async phoneResult(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: EscalationPhoneResultDto): Reply<'escalation:phone-result'> {
    return { ok: true, ...(await this.escalations.recordPhoneResult(socket.data.staff, body.escalationId, body.result)) };
  }
}
