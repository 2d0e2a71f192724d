import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job name, with explicit options. Job payloads carry ids only: never
 * message text, tokens, addresses or consented details.
 */
export const QUEUE = {
  routing: 'routing',
  sessions: 'sessions',
  maintenance: 'maintenance',
  escalations: 'escalations',
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

export const JOB = {
  /** routing: pair waiting sessions with counsellors (all languages, one pass). */
  route: 'route',
  /** routing: an offer's timeout, keyed by session and offer sequence. */
  offerExpire: 'offer-expire',
  /** sessions: write the anonymised record of an ended session and delete its transcript. */
  sessionEnded: 'session-ended',
  /** maintenance: abandoned waits, inactive chats, retention, recovery sweeps. */
  sweep: 'sweep',
  /** escalations: deliver one escalation to its service. */
  deliver: 'deliver',
} as const;

/** Which jobs each queue may carry; the worker refuses to start if one has no handler. */
export const JOBS_BY_QUEUE: Record<QueueName, string[]> = {
  [QUEUE.routing]: [JOB.route, JOB.offerExpire],
  [QUEUE.sessions]: [JOB.sessionEnded],
  [QUEUE.maintenance]: [JOB.sweep],
  [QUEUE.escalations]: [JOB.deliver],
};

export interface RouteJob { reason: string }
export interface OfferExpireJob { sessionId: string; offerSeq: number }
export interface SessionEndedJob { sessionId: string }
export interface DeliverJob { escalationId: string }

const kept = { removeOnComplete: { count: 100, age: 3600 }, removeOnFail: { count: 1000, age: 7 * 86400 } };

export const JOB_OPTIONS = {
  route: { ...kept, removeOnComplete: true, attempts: 3, backoff: { type: 'fixed', delay: 200 } },
  offerExpire: (sessionId: string, offerSeq: number, delayMs: number): JobsOptions => ({
    ...kept,
    removeOnComplete: true,
    jobId: `expire_${sessionId}_${offerSeq}`,
    delay: delayMs,
    attempts: 5,
    backoff: { type: 'exponential', delay: 500 },
  }),
  sessionEnded: (sessionId: string): JobsOptions => ({
    ...kept,
    jobId: `ended_${sessionId}`,
    attempts: 10,
    backoff: { type: 'exponential', delay: 1000 },
  }),
  deliver: (escalationId: string): JobsOptions => ({
    ...kept,
    jobId: `deliver_${escalationId}`,
    attempts: 8,
    // exponential from 5 s, or longer when the service sent Retry-After (the worker's backoffStrategy)
    backoff: { type: 'retry-after' },
  }),
} satisfies Record<string, JobsOptions | ((...args: never[]) => JobsOptions)>;

export const SWEEP_EVERY_MS = 5000;
