import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsIP, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/**
 * Every environment variable the service reads, with its default. This class and
 * `loadConfig` are the only code that looks at `process.env`.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/prystan';

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key (BullMQ, socket.io adapter, rate limits): lets runs share one Redis. */
  @Matches(/^[a-zA-Z0-9_.-]{1,40}$/, { message: 'REDIS_PREFIX must be 1-40 letters, digits, _ . -' })
  REDIS_PREFIX = 'prystan';

  @Transform(toInt) @IsInt() @Min(5) @Max(600)
  OFFER_TIMEOUT_SECONDS = 30;

  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  STATS_MIN_CELL = 5;

  @IsOptional() @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional() @IsString() @MinLength(3)
  SMTP_FROM = 'Prystan <prystan@localhost>';

  @Transform(toBool) @IsBoolean()
  ALLOW_HTTP_WEBHOOKS = false;

  /** Webhooks may reach loopback, private, link-local... addresses (an organisation's own network, tests). */
  @Transform(toBool) @IsBoolean()
  ALLOW_PRIVATE_WEBHOOKS = false;

  /**
   * The keyring: one or more keys of 32 bytes in base64, comma-separated, newest first. New data is
   * sealed with the first; data sealed with any listed key opens. Encrypts message text, escalation
   * details, service secrets and TOTP secrets at rest (a key derived per purpose).
   */
  @IsOptional() @Matches(/^[A-Za-z0-9+/]{43}=(,[A-Za-z0-9+/]{43}=){0,9}$/, {
    message: 'MESSAGE_KEY must be 1 to 10 comma-separated keys of 32 bytes in base64, newest first, no spaces (openssl rand -base64 32)',
  })
  MESSAGE_KEY?: string;

  /** 32 bytes, base64: signs acknowledgement links and keys the salted hashes used for rate limits. */
  @IsOptional() @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'APP_SECRET must be 32 bytes in base64 (openssl rand -base64 32)' })
  APP_SECRET?: string;

  /** Where links in e-mails and webhooks point (the public origin of the gateway). */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** A survivor whose socket dropped while waiting is counted as abandoned after this. */
  @Transform(toInt) @IsInt() @Min(5) @Max(3600)
  WAITING_GRACE_SECONDS = 120;

  /** An active chat with no message for this long is prompted by the system… */
  @Transform(toInt) @IsInt() @Min(5) @Max(86400)
  INACTIVITY_PROMPT_SECONDS = 600;

  /** …and closed as `timeout` after this long. */
  @Transform(toInt) @IsInt() @Min(10) @Max(86400)
  INACTIVITY_CLOSE_SECONDS = 900;

  /**
   * What the statistical risk model beside the lexicon may do. `advisory` (the default): its
   * flags show the counsellor a banner of their own and move nobody in the line. `on`: above
   * its priority threshold a flag also moves the person ahead, as a lexicon rule does. `off`:
   * the lexicon alone. Not `on` by default: its precision on validation is still under the bar
   * set for moving a person ahead of everyone else (see libs/risk/README.md).
   */
  @IsIn(['off', 'advisory', 'on'], { message: 'RISK_MODEL must be off, advisory or on' })
  RISK_MODEL: 'off' | 'advisory' | 'on' = 'advisory';

  /** Hours an ended chat's transcript is kept for supervision (0: deleted when the chat closes). */
  @Transform(toInt) @IsInt() @Min(0) @Max(720)
  TRANSCRIPT_RETENTION_HOURS = 0;

  @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  ESCALATION_RETENTION_DAYS = 30;

  @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  AUDIT_RETENTION_DAYS = 365;

  @Transform(toInt) @IsInt() @Min(300) @Max(604800)
  STAFF_TOKEN_TTL_SECONDS = 43200;

  /** Where quick exit sends the survivor. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  EXIT_URL = 'https://www.google.com/search?q=weather';

  /** The survivor page's title, neutral on purpose. */
  @IsString() @MinLength(1)
  CHAT_PAGE_TITLE = 'Help';

  /**
   * Space-separated origins allowed to embed the chat (CSP frame-ancestors), open its sockets and
   * receive its messages; empty: only this origin. Each must be `https://host[:port]` (embed-origins.ts).
   */
  @IsString()
  EMBED_ORIGINS = '';

  /** Trust X-Forwarded-* from a reverse proxy (a hop count or `false`). */
  @Transform(toInt) @IsInt() @Min(0) @Max(5)
  TRUST_PROXY_HOPS = 0;

  /** Events one survivor socket may send per 10 seconds (beyond: `rate_limited`). */
  @Transform(toInt) @IsInt() @Min(5) @Max(100000)
  SURVIVOR_EVENTS_PER_10S = 40;

  /** Events one staff member may send per 10 seconds. */
  @Transform(toInt) @IsInt() @Min(5) @Max(100000)
  STAFF_EVENTS_PER_10S = 120;

  /** New chats per client address per 10 minutes (the address is only hashed, in Redis, for the window). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  SESSION_STARTS_PER_10MIN = 20;

  /**
   * Session starts one gateway process runs at once; the others wait their turn, in order. In a
   * surge this keeps the live chats' messages from waiting behind every arrival's statements
   * (docs/performance.md); nobody is refused for it.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(10000)
  SESSION_STARTS_AT_ONCE = 16;

  /** Open `/chat` connections per client address (an IPv6 address counts by its /64), per gateway process. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  SOCKETS_PER_ADDRESS = 50;

  /** Requests per client address per minute to the public API routes (services, availability, acknowledgement links). */
  @Transform(toInt) @IsInt() @Min(10) @Max(1000000)
  PUBLIC_API_PER_MINUTE = 120;

  /** Requests per client address per minute to the pages, their assets and health (a page load is several requests). */
  @Transform(toInt) @IsInt() @Min(10) @Max(1000000)
  PUBLIC_PAGES_PER_MINUTE = 600;

  /**
   * Comma-separated roles that must sign in with a second factor. Empty means none, which only
   * development and tests accept (production refuses to start with it empty).
   */
  @Matches(/^\s*((counsellor|manager|admin)\s*(,\s*(counsellor|manager|admin)\s*)*)?$/, { message: 'MFA_REQUIRED_ROLES must be a comma list of counsellor, manager, admin (or empty, outside production)' })
  MFA_REQUIRED_ROLES = 'manager,admin';
  /** Prometheus `/metrics` and `/health` of each gateway (0: off). Several gateways on one host each need their own. */
  @Transform(toInt) @IsInt({ message: 'GATEWAY_METRICS_PORT must be a port number (0 turns it off)' }) @Min(0) @Max(65535)
  GATEWAY_METRICS_PORT = 9464;

  /** Prometheus `/metrics` and `/health` of each worker (0: off). */
  @Transform(toInt) @IsInt({ message: 'WORKER_METRICS_PORT must be a port number (0 turns it off)' }) @Min(0) @Max(65535)
  WORKER_METRICS_PORT = 9465;

  /** Address the metrics ports bind to: loopback unless a scraper on another host (or container) needs them. */
  @ValidateIf((c: AppConfig) => c.METRICS_HOST !== 'localhost')
  @IsIP(undefined, { message: 'METRICS_HOST must be an IP address to bind to (127.0.0.1, ::1, 0.0.0.0, ...) or localhost' })
  METRICS_HOST = '127.0.0.1';

  /** Set by the launcher for child processes; not for operators. */
  @IsOptional() @IsString()
  PRYSTAN_ROLE?: string;
}
