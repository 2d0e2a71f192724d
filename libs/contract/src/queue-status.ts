import type { LanguageQueueStatus, QueueStatus } from './wire';

/**
 * The `queue:status` payload, built in one place for the worker's broadcast, the socket's
 * first one on connect and `GET /api/queue`. `languages` holds every language of the line
 * (the repository answers all three, with zeros for an empty line).
 */
export function queueStatusPayload(languages: Record<string, LanguageQueueStatus>, at = new Date()): QueueStatus {
  return { at: at.toISOString(), languages: languages as QueueStatus['languages'] };
}
