import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { DefaultEventsMap, Socket } from 'socket.io';
import {
  NAMESPACE, rooms, SessionReassignDto, SessionRefDto, SessionsListDto, SessionTransferDto, STAFF_IN,
  type ReplyOf, type StaffEvents, type ToStaff,
} from '@prystan/contract';
import type { StaffRecord } from '@prystan/persistence';
import { ContractPipe } from '../common/contract.pipe';
import { WsAckFilter } from '../common/ws-ack.filter';
import { SupervisionService } from './supervision.service';

type StaffSocket = Socket<StaffEvents, ToStaff, DefaultEventsMap, { staff: StaffRecord }>;
/** What a handler answers: the success branch of its event's acknowledgement (errors are thrown and WsAckFilter answers them). */
type Reply<K extends keyof StaffEvents> = Promise<ReplyOf<StaffEvents, K>>;

/**
 * The `/staff` extension events: own chats after a reload, the managers' live list,
 * read-only monitoring, transfer and reassignment. It shares the namespace with
 * StaffGateway, whose middleware has already authenticated every socket.
 */
@WebSocketGateway({ namespace: NAMESPACE.staff })
@UseFilters(WsAckFilter)
@UsePipes(ContractPipe)
export class SupervisionGateway {
  constructor(private readonly service: SupervisionService) {}

  @SubscribeMessage(STAFF_IN.sessions)
  async list(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: SessionsListDto): Reply<'sessions:list'> {
    const me = socket.data.staff;
    if (body.scope === 'live') return { ok: true, sessions: await this.service.live(me) };
    return { ok: true, ...(await this.service.mine(me)) };
  }

  @SubscribeMessage(STAFF_IN.monitor)
  async monitor(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: SessionRefDto): Reply<'session:monitor'> {
    const room = rooms.session(body.sessionId);
    // in the room before anything is read: an end or a message a moment later still arrives
    const session = await this.service.monitor(socket.data.staff, body.sessionId, () => socket.join(room))
      .catch(async (err: unknown) => {
        if (!(await this.service.isOwnChat(socket.data.staff, body.sessionId))) socket.leave(room);
        throw err;
      });
    return { ok: true, session };
  }

  @SubscribeMessage(STAFF_IN.unmonitor)
  async unmonitor(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: SessionRefDto): Reply<'session:unmonitor'> {
    // one's own chat stays followed: unmonitoring never takes a counsellor out of their chat
    if (!(await this.service.isOwnChat(socket.data.staff, body.sessionId))) await socket.leave(rooms.session(body.sessionId));
    return { ok: true };
  }

  @SubscribeMessage(STAFF_IN.transfer)
  async transfer(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: SessionTransferDto): Reply<'session:transfer'> {
    return { ok: true, ...(await this.service.transfer(socket.data.staff, body)) };
  }

  @SubscribeMessage(STAFF_IN.reassign)
  async reassign(@ConnectedSocket() socket: StaffSocket, @MessageBody() body: SessionReassignDto): Reply<'session:reassign'> {
    return { ok: true, ...(await this.service.reassign(socket.data.staff, body)) };
  }
}
