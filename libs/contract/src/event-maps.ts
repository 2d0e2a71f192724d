import type { Ack } from './errors';
import type {
  EscalationCreate, EscalationPhoneResult, PresenceSet, SessionClose, SessionEnd, SessionReassign, SessionRef, SessionResume,
  SessionsList, SessionStart, SessionTransfer, StaffMessage, StaffTyping, SurvivorMessage, SurvivorTyping,
} from './requests';
import type {
  AcceptedSession, Alert, Assigned, EscalationCreated, EscalationStatusPayload, LiveSessions, MessageStored, MonitoredSession,
  OfferPayload, OfferWithdrawn, OwnSessions, PresenceState, QueuePosition, QueueStatus, RiskFlag, SessionEndedPayload, SessionMoved,
  SessionResumed, SessionStarted, StaffTransferred, StaffTypingState, SurvivorConnection, SurvivorSessionEnded, SurvivorTransferred,
  SurvivorTypingState, WireMessage,
} from './wire';
import type { Presence } from './codes';

/**
 * The socket events of both namespaces as socket.io's own typings expect them: one entry per
 * event, payload in and acknowledgement out. Server: `Namespace<SurvivorEvents, ToSurvivor>`;
 * client: `Socket<ToSurvivor, SurvivorEvents>`. Types only: nothing here reaches a bundle.
 */
type Answer<T extends object = object> = (a: Ack<T>) => void;

/** `/chat`, survivor → server. */
export interface SurvivorEvents {
  'session:start': (p: SessionStart, ack: Answer<SessionStarted>) => void;
  'session:resume': (p: SessionResume, ack: Answer<SessionResumed>) => void;
  'message:send': (p: SurvivorMessage, ack: Answer<MessageStored>) => void;
  'typing': (p: SurvivorTyping, ack: Answer) => void;
  'session:end': (p: SessionEnd, ack: Answer) => void;
}

/** `/chat`, server → survivor. */
export interface ToSurvivor {
  'queue:position': (p: QueuePosition) => void;
  'session:assigned': (p: Assigned) => void;
  'message': (p: WireMessage) => void;
  'typing': (p: SurvivorTypingState) => void;
  'session:ended': (p: SurvivorSessionEnded) => void;
  'session:transferred': (p: SurvivorTransferred) => void;
}

/** `/staff`, staff → server. */
export interface StaffEvents {
  'presence:set': (p: PresenceSet, ack: Answer<{ status: Presence }>) => void;
  'offer:accept': (p: SessionRef, ack: Answer<{ session: AcceptedSession }>) => void;
  'offer:decline': (p: SessionRef, ack: Answer) => void;
  'message:send': (p: StaffMessage, ack: Answer<MessageStored>) => void;
  'typing': (p: StaffTyping, ack: Answer) => void;
  'session:close': (p: SessionClose, ack: Answer) => void;
  'escalation:create': (p: EscalationCreate, ack: Answer<EscalationCreated>) => void;
  'escalation:phone-result': (p: EscalationPhoneResult, ack: Answer<EscalationStatusPayload>) => void;
  'sessions:list': (p: SessionsList, ack: Answer<OwnSessions | LiveSessions>) => void;
  'session:monitor': (p: SessionRef, ack: Answer<{ session: MonitoredSession }>) => void;
  'session:unmonitor': (p: SessionRef, ack: Answer) => void;
  'session:transfer': (p: SessionTransfer, ack: Answer<SessionMoved>) => void;
  'session:reassign': (p: SessionReassign, ack: Answer<SessionMoved>) => void;
}

/** `/staff`, server → staff. */
export interface ToStaff {
  'offer': (p: OfferPayload) => void;
  'offer:withdrawn': (p: OfferWithdrawn) => void;
  'presence': (p: PresenceState) => void;
  'message': (p: WireMessage) => void;
  'typing': (p: StaffTypingState) => void;
  'session:ended': (p: SessionEndedPayload) => void;
  'session:survivor-connection': (p: SurvivorConnection) => void;
  'session:risk-flag': (p: RiskFlag) => void;
  'escalation:status': (p: EscalationStatusPayload) => void;
  'queue:status': (p: QueueStatus) => void;
  'session:transferred': (p: StaffTransferred) => void;
  'alert': (p: Alert) => void;
}

/** The payload an event of a map carries. */
export type PayloadOf<M, K extends keyof M> = M[K] extends (p: infer P, ...rest: never[]) => void ? P : never;
/** The acknowledgement a client → server event is answered with (both branches). */
export type AckOf<M, K extends keyof M> = M[K] extends (p: never, ack: (a: infer A) => void) => void ? A : never;
/** What a handler returns: the acknowledgement's success branch (errors are thrown, and the filter answers them). */
export type ReplyOf<M, K extends keyof M> = Extract<AckOf<M, K>, { ok: true }>;
