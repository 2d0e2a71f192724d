import type { JobsOptions, WorkerOptions } from 'bullmq';
import { backoffDelayMs } from '@prystan/escalation-delivery';

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
export const JOBS_BY_QUEUE = {
  [QUEUE.routing]: [JOB.route, JOB.offerExpire],
  [QUEUE.sessions]: [JOB.sessionEnded],
  [QUEUE.maintenance]: [JOB.sweep],
  [QUEUE.escalations]: [JOB.deliver],
} as const satisfies Record<QueueName, readonly string[]>;
export type JobName<Q extends QueueName> = (typeof JOBS_BY_QUEUE)[Q][number];

/** `trigger`: the trigger's number (`RouteTriggers`); absent in a job queued before numbering, which always runs. */
export interface RouteJob { reason: string; trigger?: number }
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
    // exponential from 5 s, or longer when the service sent Retry-After (WORKER_OPTIONS.escalations below)
    backoff: { type: 'retry-after' },
  }),
} satisfies Record<string, JobsOptions | ((...args: never[]) => JobsOptions)>;

export const SWEEP_EVERY_MS = 5000;

/** The maintenance sweep's schedule (a BullMQ job scheduler: one per Redis, however many workers upsert it). */
export const SWEEP_SCHEDULE = {
  id: 'sweep',
  repeat: { every: SWEEP_EVERY_MS },
  job: { name: JOB.sweep, data: {}, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
} as const;

/** Ordinary queues: a job whose worker died goes back to the queue within about lockDuration + 2 × stalledInterval (90 s). */
const patient = { lockDuration: 30_000, stalledInterval: 30_000 };

/**
 * Each queue's workers (per worker process; the connection is added by the worker). Only the
 * escalation queue has the custom backoff its jobs ask for (`retry-after`): exponential from
 * 5 s, or the service's Retry-After when longer. An escalation must not wait long for a dead
 * worker, so its queue checks more often (back within about 20 s).
 */
export const WORKER_OPTIONS = {
  [QUEUE.routing]: { ...patient, concurrency: 2 },
  [QUEUE.sessions]: { ...patient, concurrency: 4 },
  [QUEUE.maintenance]: { ...patient, concurrency: 1 },
  [QUEUE.escalations]: {
    concurrency: 4,
    lockDuration: 10_000,
    stalledInterval: 5_000,
    settings: { backoffStrategy: (attemptsMade: number, _type?: string, err?: Error) => backoffDelayMs(attemptsMade, err) },
  },
} satisfies Record<QueueName, Omit<WorkerOptions, 'connection'>>;
