/** Socket.io namespaces and event names, in one place for servers, worker and clients. */
export const NAMESPACE = { chat: '/chat', staff: '/staff' } as const;

export const CHAT_IN = {
  start: 'session:start',
  resume: 'session:resume',
  send: 'message:send',
  typing: 'typing',
  end: 'session:end',
} as const;

export const CHAT_OUT = {
  position: 'queue:position',
  assigned: 'session:assigned',
  message: 'message',
  typing: 'typing',
  ended: 'session:ended',
  /** extension: the counsellor was changed by a transfer (the survivor keeps the transcript). */
  transferred: 'session:transferred',
} as const;

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
} as const;

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
} as const;

/** Room names. Both namespaces use `session:<id>`; rooms are per namespace in socket.io. */
export const rooms = {
  session: (sessionId: string) => `session:${sessionId}`,
  staff: (staffId: string) => `staff:${staffId}`,
  managers: 'managers',
  language: (language: string) => `language:${language}`,
};
