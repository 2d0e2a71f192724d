import { Inject, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer,
  type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit,
} from '@nestjs/websockets';
import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import {
  CHAT_IN, CHAT_OUT, conflict, NAMESPACE, notFound, rooms, SessionEndDto, SessionResumeDto, SessionStartDto,
  SurvivorMessageDto, SurvivorTypingDto, type ReplyOf, type SurvivorEvents, type ToSurvivor,
} from '@prystan/contract';
import { CONFIG, type Config } from '@prystan/config';
import { ContractPipe } from '../common/contract.pipe';
import { GatewayBroadcaster } from '../common/gateway-broadcaster';
import { RateLimits } from '../common/rate-limits';
import { WsAckFilter } from '../common/ws-ack.filter';
import { addressGroup, addressKey, socketAddress } from '../common/client-address';
import { ConnectionCap } from '../common/connection-cap';
import { InFlightLimit } from '../common/in-flight-limit';
import { limitSocketEvents } from '../common/socket-rate-limit';
import { answerUnknownEvents } from '../common/unknown-events';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { ChatService } from './chat.service';

/** `starting`: a start of this socket is waiting for its turn or running (a second one is refused). */
interface SurvivorSocketData { sessionId?: string; starting?: boolean }
type SurvivorSocket = Socket<SurvivorEvents, ToSurvivor, DefaultEventsMap, SurvivorSocketData>;
/** The events `/chat` serves; any other is answered `not_found`. */
const KNOWN_EVENTS: ReadonlySet<string> = new Set(Object.values(CHAT_IN));
type SurvivorNamespace = Namespace<SurvivorEvents, ToSurvivor, DefaultEventsMap, SurvivorSocketData>;
/** What a handler answers: the success branch of its event's acknowledgement (errors are thrown and WsAckFilter answers them). */
type Reply<K extends keyof SurvivorEvents> = Promise<ReplyOf<SurvivorEvents, K>>;

/** Namespace `/chat`: anonymous survivors. Nothing about the connection (address, agent) is kept. */
@WebSocketGateway({ namespace: NAMESPACE.chat })
@UseFilters(WsAckFilter)
@UsePipes(ContractPipe)
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() private readonly nsp: SurvivorNamespace;
  /** Open `/chat` connections per client address in this process (SOCKETS_PER_ADDRESS). */
  private readonly perAddress: ConnectionCap;
  /** Session starts running at once in this process (SESSION_STARTS_AT_ONCE); the rest wait in order. */
  private readonly starts: InFlightLimit;

  constructor(
    private readonly chat: ChatService,
    private readonly limits: RateLimits,
    private readonly broadcaster: GatewayBroadcaster,
    @Inject(CONFIG) private readonly config: Config,
    private readonly metrics: GatewayMetrics,
  ) {
    this.perAddress = new ConnectionCap(config.SOCKETS_PER_ADDRESS);
    this.starts = new InFlightLimit(config.SESSION_STARTS_AT_ONCE);
    metrics.watchSessionStarts(() => this.starts.waiting);
  }

  afterInit(nsp: SurvivorNamespace) {
    this.broadcaster.bind(nsp.server);
    nsp.use((socket, next) => this.admit(socket, next));
  }

  /**
   * One place per open connection, refused with `connect_error` (`rate_limited`) when the
   * address has them all. The place is given back by whichever comes first of this socket's
   * disconnect and its transport's close, so it cannot leak.
   */
  private admit(socket: SurvivorSocket, next: (err?: Error) => void): void {
    const release = this.perAddress.take(addressGroup(socketAddress(socket, this.config.TRUST_PROXY_HOPS)));
    if (!release) {
      return next(Object.assign(new Error('rate_limited'), { data: { code: 'rate_limited', message: 'too many open chats from this address' } }));
    }
    if (socket.conn.readyState !== 'open') {
      release();
      return next(new Error('unavailable'));
    }
    socket.conn.once('close', release);
    socket.once('disconnect', release);
    next();
  }

  handleConnection(socket: SurvivorSocket) {
    socket.data = {};
    limitSocketEvents(socket, this.limits.survivorEvents, socket.id);
    answerUnknownEvents(socket, KNOWN_EVENTS);
  }

  async handleDisconnect(socket: SurvivorSocket) {
    if (socket.data.sessionId) await this.chat.disconnected(socket.data.sessionId, socket.id).catch(() => undefined);
  }

  @SubscribeMessage(CHAT_IN.start)
  async start(@ConnectedSocket() socket: SurvivorSocket, @MessageBody() body: SessionStartDto): Reply<'session:start'> {
    // one active session per socket; a session the counsellor or a timeout ended no longer counts,
    // and a start still waiting for its turn counts already (two would both pass the check below)
    if (socket.data.starting) throw conflict('this connection is already starting a session');
    socket.data.starting = true;
    try {
      return await this.startOnce(socket, body);
    } finally {
      socket.data.starting = false;
    }
  }

  private async startOnce(socket: SurvivorSocket, body: SessionStartDto): Reply<'session:start'> {
    if (socket.data.sessionId && (await this.chat.isLive(socket.data.sessionId))) throw conflict('this connection already has a session; end it first');
    if (socket.data.sessionId) await socket.leave(rooms.session(socket.data.sessionId));
    await this.limits.consume(this.limits.sessionStartPerAddress, addressKey(this.config.appSecret, addressGroup(socketAddress(socket, this.config.TRUST_PROXY_HOPS))), 'too many new chats from here; please wait a few minutes');
    const { session, safetyCheck, resumeToken, position, estimatedWaitSeconds } = await this.starts.run(async () => {
      // gone while waiting for its turn: no session for nobody (it would wait in the line with no one to answer)
      if (socket.disconnected) throw notFound('this connection has closed');
      return this.chat.start(body, socket.id, async (id) => {
        socket.data.sessionId = id;
        await socket.join(rooms.session(id));
      });
    });
    // every chat opens with the safety check (PRODUCT.md rule 6), sent right after the acknowledgement
    if (safetyCheck) setImmediate(() => socket.emit(CHAT_OUT.message, safetyCheck));
    return { ok: true, sessionId: session.id, resumeToken, position, estimatedWaitSeconds, onDuty: estimatedWaitSeconds !== null };
  }

  @SubscribeMessage(CHAT_IN.resume)
  async resume(@ConnectedSocket() socket: SurvivorSocket, @MessageBody() body: SessionResumeDto): Reply<'session:resume'> {
    const result = await this.chat.resume(body.resumeToken, body.nextResumeToken, socket.id, (id) => this.takeOver(socket, id));
    return {
      ok: true,
      sessionId: result.session.id,
      resumeToken: result.resumeToken,
      state: result.session.state === 'offered' ? 'waiting' : result.session.state,
      ...(result.position ? { position: result.position.position, estimatedWaitSeconds: result.position.estimatedWaitSeconds } : {}),
      ...(result.counsellorName ? { counsellorName: result.counsellorName } : {}),
      messages: result.messages,
    };
  }

  /** The socket takes the session over: any older connection of it, on any gateway, is dropped. */
  private async takeOver(socket: SurvivorSocket, sessionId: string): Promise<void> {
    const room = rooms.session(sessionId);
    const others = (await this.nsp.in(room).fetchSockets()).filter((s) => s.id !== socket.id);
    for (const other of others) {
      other.emit(CHAT_OUT.ended, { by: 'system', reason: 'resumed-elsewhere' });
      other.leave(room);
      other.disconnect(true);
    }
    if (socket.data.sessionId && socket.data.sessionId !== sessionId) await socket.leave(rooms.session(socket.data.sessionId));
    socket.data.sessionId = sessionId;
    await socket.join(room);
  }

  @SubscribeMessage(CHAT_IN.send)
  async send(@ConnectedSocket() socket: SurvivorSocket, @MessageBody() body: SurvivorMessageDto): Reply<'message:send'> {
    const acknowledged = this.metrics.messageAck.startTimer({ from: 'survivor' });
    const sessionId = this.sessionOf(socket);
    const stored = await this.chat.send(sessionId, body.clientId, body.text);
    acknowledged();
    return { ok: true, ...stored };
  }

  @SubscribeMessage(CHAT_IN.typing)
  async typing(@ConnectedSocket() socket: SurvivorSocket, @MessageBody() body: SurvivorTypingDto): Reply<'typing'> {
    await this.chat.typing(this.sessionOf(socket), body.isTyping);
    return { ok: true };
  }

  @SubscribeMessage(CHAT_IN.end)
  async end(@ConnectedSocket() socket: SurvivorSocket, @MessageBody() body: SessionEndDto): Reply<'session:end'> {
    const sessionId = socket.data.sessionId;
    if (!sessionId) return { ok: true };
    await this.chat.end(sessionId, body);
    socket.to(rooms.session(sessionId)).emit(CHAT_OUT.ended, { by: 'survivor' });
    this.nsp.in(rooms.session(sessionId)).socketsLeave(rooms.session(sessionId));
    socket.data.sessionId = undefined;
    return { ok: true };
  }

  private sessionOf(socket: SurvivorSocket): string {
    if (!socket.data.sessionId) throw notFound('no session on this connection: start or resume one');
    return socket.data.sessionId;
  }
}
