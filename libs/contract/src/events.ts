import type { StaffEvents, SurvivorEvents, ToStaff, ToSurvivor } from './event-maps';

/**
 * Socket.io namespaces and event names, in one place for servers, worker and clients. Each
 * list is checked against its event map (event-maps.ts): a name the map lacks does not compile,
 * nor does a map entry the list forgets.
 */
export const NAMESPACE = { chat: '/chat', staff: '/staff' } as const;

export const CHAT_IN = {
  start: 'session:start',
  resume: 'session:resume',
  send: 'message:send',
  typing: 'typing',
  end: 'session:end',
} as const satisfies Record<string, keyof SurvivorEvents>;

export const CHAT_OUT = {
  position: 'queue:position',
  assigned: 'session:assigned',
  message: 'message',
  typing: 'typing',
  ended: 'session:ended',
  /** extension: the counsellor was changed by a transfer (the survivor keeps the transcript). */
  transferred: 'session:transferred',
} as const satisfies Record<string, keyof ToSurvivor>;

export const STAFF_IN = {
  presence: 'presence:set',
  accept: 'offer:accept',
  decline: 'offer:decline',
  send: 'message:send',
  typing: 'typing',
  close: 'session:close',
  escalate: 'escalation:create',
  /** extensions */
  sessions: 'sessions:list',
  monitor: 'session:monitor',
  unmonitor: 'session:unmonitor',
  transfer: 'session:transfer',
  reassign: 'session:reassign',
  phoneResult: 'escalation:phone-result',
} as const satisfies Record<string, keyof StaffEvents>;

export const STAFF_OUT = {
  offer: 'offer',
  /** extension: an offer this counsellor held was withdrawn (expired, or the survivor left). */
  offerWithdrawn: 'offer:withdrawn',
  message: 'message',
  typing: 'typing',
  ended: 'session:ended',
  escalationStatus: 'escalation:status',
  queueStatus: 'queue:status',
  /** extensions */
  presence: 'presence',
  riskFlag: 'session:risk-flag',
  survivorConnection: 'session:survivor-connection',
  alert: 'alert',
  /** extension: a chat of this counsellor was handed to someone else (every tab drops it). */
  transferred: 'session:transferred',
} as const satisfies Record<string, keyof ToStaff>;

/** Compiles only when a list of names covers every event of its map. */
type Covers<List, Map> = [Exclude<keyof Map, List>] extends [never] ? true : false;
type Holds<T extends true> = T;
export type EventListsCoverMaps = Holds<
  Covers<(typeof CHAT_IN)[keyof typeof CHAT_IN], SurvivorEvents> | Covers<(typeof CHAT_OUT)[keyof typeof CHAT_OUT], ToSurvivor>
  | Covers<(typeof STAFF_IN)[keyof typeof STAFF_IN], StaffEvents> | Covers<(typeof STAFF_OUT)[keyof typeof STAFF_OUT], ToStaff>
>;

/** Room names. Both namespaces use `session:<id>`; rooms are per namespace in socket.io. */
export const rooms = {
  session: (sessionId: string) => `session:${sessionId}`,
  staff: (staffId: string) => `staff:${staffId}`,
  managers: 'managers',
  language: (language: string) => `language:${language}`,
};
