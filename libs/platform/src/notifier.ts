import { NAMESPACE, rooms, type PayloadOf, type ToStaff, type ToSurvivor } from '@prystan/contract';

/** The Redis channel prefix shared by the gateways' adapter and the worker's emitter. */
export const socketIoKey = (redisPrefix: string) => `${redisPrefix}:socket.io`;

/** What both a socket.io Server (gateway) and a redis Emitter (worker) offer for broadcasting. */
export interface Broadcaster {
  of(namespace: string): {
    to(room: string | string[]): { emit(event: string, ...args: unknown[]): unknown };
    in(room: string | string[]): { socketsJoin(rooms: string | string[]): unknown; socketsLeave(rooms: string | string[]): unknown; disconnectSockets(close?: boolean): unknown };
  };
}

/**
 * Every server→client event goes through here, addressed by room, so a gateway and a
 * worker reach a client on any node the same way (through the Redis adapter). Each method
 * takes an event of its namespace's map and that event's payload, so a wrong name or shape
 * does not compile, whichever process sends it.
 */
export class Notifier {
  constructor(private readonly io: Broadcaster) {}

  survivor<K extends keyof ToSurvivor>(sessionId: string, event: K, payload: PayloadOf<ToSurvivor, K>): void {
    this.io.of(NAMESPACE.chat).to(rooms.session(sessionId)).emit(event, payload);
  }

  /** Staff following a session: its counsellor and any monitoring manager. */
  sessionStaff<K extends keyof ToStaff>(sessionId: string, event: K, payload: PayloadOf<ToStaff, K>): void {
    this.io.of(NAMESPACE.staff).to(rooms.session(sessionId)).emit(event, payload);
  }

  staff<K extends keyof ToStaff>(staffId: string, event: K, payload: PayloadOf<ToStaff, K>): void {
    this.io.of(NAMESPACE.staff).to(rooms.staff(staffId)).emit(event, payload);
  }

  managers<K extends keyof ToStaff>(event: K, payload: PayloadOf<ToStaff, K>): void {
    this.io.of(NAMESPACE.staff).to(rooms.managers).emit(event, payload);
  }

  /** Every socket of a staff member joins (or leaves) a session's room, on whichever gateway it is. */
  joinStaffToSession(staffId: string, sessionId: string): void {
    this.io.of(NAMESPACE.staff).in(rooms.staff(staffId)).socketsJoin(rooms.session(sessionId));
  }

  removeStaffFromSession(staffId: string, sessionId: string): void {
    this.io.of(NAMESPACE.staff).in(rooms.staff(staffId)).socketsLeave(rooms.session(sessionId));
  }

  /** A disabled or re-keyed staff member's sockets are closed on every gateway. */
  disconnectStaff(staffId: string): void {
    this.io.of(NAMESPACE.staff).in(rooms.staff(staffId)).disconnectSockets(true);
  }

  /** The sockets in one `/staff` room (e.g. those opened with one token) are closed on every gateway. */
  disconnectStaffRoom(room: string): void {
    this.io.of(NAMESPACE.staff).in(room).disconnectSockets(true);
  }

  /** After a session ends, nobody stays in its rooms. */
  closeSessionRooms(sessionId: string): void {
    this.io.of(NAMESPACE.staff).in(rooms.session(sessionId)).socketsLeave(rooms.session(sessionId));
    this.io.of(NAMESPACE.chat).in(rooms.session(sessionId)).socketsLeave(rooms.session(sessionId));
  }
}
