import { ENUMS } from './labels';

const { language, priority, counsellorStatus, offerOutcome, sender, channel, escalationOutcome, queue, jobState, dependency, namespace } = ENUMS;

/** Latency buckets in seconds: a message acknowledgement is milliseconds, a wait for a counsellor minutes. */
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const WAIT_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200];

/**
 * Every Prystan metric: its name, meaning and label enumerations. Gauges of the line are
 * whole-system values computed by the workers from PostgreSQL at scrape time (each worker
 * reports the same numbers: aggregate them with max, never sum); counters and histograms
 * count what this one process did (sum them).
 */
export const CATALOGUE = {
  // the line (workers, from PostgreSQL)
  sessionsWaiting: { name: 'prystan_sessions_waiting', help: 'Chats waiting for a counsellor (an offer not yet answered included), by language and routing class', labels: { language, priority } },
  longestWait: { name: 'prystan_longest_wait_seconds', help: 'How long the longest-waiting chat of each language has waited (0: nobody waits)', labels: { language } },
  longestWaitByClass: { name: 'prystan_longest_wait_by_class_seconds', help: 'How long the longest-waiting chat of each language and routing class has waited (0: nobody waits)', labels: { language, priority } },
  counsellors: { name: 'prystan_counsellors', help: 'Staff who speak each language, by status: available (room for a chat), busy (available, full), away, offline', labels: { language, status: counsellorStatus } },
  escalationUnacknowledged: { name: 'prystan_escalation_unacknowledged_seconds', help: 'Age of the oldest escalation of the last 24 h not yet acknowledged (webhook, e-mail) or not yet called (phone); 0: none', labels: { channel } },
  jobs: { name: 'prystan_jobs', help: 'BullMQ jobs by queue and state (shared by all workers)', labels: { queue, state: jobState } },
  // the flow (per process)
  sessionsStarted: { name: 'prystan_sessions_started_total', help: 'Chats started by survivors', labels: { language } },
  routingPasses: { name: 'prystan_routing_passes_total', help: 'Routing jobs by what they did: ran a pass, or found their trigger covered by a pass that began after it', labels: { result: ['ran', 'covered'] as const } },
  offers: { name: 'prystan_offers_total', help: 'Offers to counsellors by how they ended', labels: { outcome: offerOutcome } },
  messages: { name: 'prystan_messages_total', help: 'Messages stored, by who wrote them', labels: { from: sender } },
  escalations: { name: 'prystan_escalations_total', help: 'Escalations to crisis services: raised, then delivered, retried, failed or acknowledged', labels: { channel, outcome: escalationOutcome } },
  messageAck: { name: 'prystan_message_ack_seconds', help: 'From a message reaching the gateway to its acknowledgement (stored and relayed)', labels: { from: ['survivor', 'counsellor'] as const }, buckets: ACK_BUCKETS },
  timeToOffer: { name: 'prystan_time_to_offer_seconds', help: 'How long a chat had waited when it was offered to a counsellor', labels: { language, priority }, buckets: WAIT_BUCKETS },
  // the system
  dependencyUp: { name: 'prystan_dependency_up', help: "1 while this process reaches the dependency (its /health checks), 0 otherwise", labels: { dependency } },
  busHearing: { name: 'prystan_bus_hearing', help: "1 while this gateway hears its own heartbeat on the Redis bus; 0: the bus watchdog tripped", labels: {} },
  busRepairStage: { name: 'prystan_bus_repair_stage', help: 'The bus watchdog: 0 hearing, 1 patterns subscribed again, 2 subscriber reconnected', labels: {} },
  sockets: { name: 'prystan_socket_connections', help: 'Sockets connected to this gateway, by namespace', labels: { namespace } },
  sessionStartsWaiting: { name: 'prystan_session_starts_waiting', help: 'Session starts waiting in this gateway for their turn (SESSION_STARTS_AT_ONCE run at once)', labels: {} },
} as const;

export type MetricKey = keyof typeof CATALOGUE;
