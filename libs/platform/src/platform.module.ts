import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { CONFIG, type Config } from '@prystan/config';
import { Keyring } from '@prystan/crypto';
import { LOGGER, type AppLogger } from '@prystan/logging';
import {
  AuditRepository, CannedRepository, ContactLogRepository, createDataSource, Db, EscalationRepository, MaintenanceRepository, MessageRepository, RoutingRepository,
  SecondFactorRepository, ServiceRepository, SessionRepository, StaffRepository, SupervisionRepository, TokenRepository,
} from '@prystan/persistence';
import { createRedis, QueueModule } from '@prystan/queue';

export const REDIS = Symbol('REDIS');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
/** The message path's own small pool: a flood of arrivals queueing for connections never holds up a live chat's message. */
export const MESSAGE_DATA_SOURCE = Symbol('MESSAGE_DATA_SOURCE');
const MESSAGE_POOL_SIZE = 3;

/** Says once per outage that Redis went away and came back, for the operator reading the logs beside the health checks. */
function withOutageLog(redis: Redis, logger: AppLogger): Redis {
  let lost = false;
  redis.on('close', () => { if (!lost) logger.warn('lost the connection to Redis; reconnecting'); lost = true; });
  redis.on('ready', () => { if (lost) logger.warn('connected to Redis again'); lost = false; });
  return redis;
}

const REPOSITORIES = [EscalationRepository, MaintenanceRepository, SessionRepository, StaffRepository, TokenRepository, RoutingRepository, ContactLogRepository, ServiceRepository, AuditRepository, SecondFactorRepository, CannedRepository, SupervisionRepository];

/**
 * Closes what the platform opened, last thing on shutdown: `onApplicationShutdown` runs after
 * every `beforeApplicationShutdown` (a gateway's drain, a worker's running jobs) has finished.
 */
class PlatformLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(MESSAGE_DATA_SOURCE) private readonly messageDs: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await Promise.all([this.ds, this.messageDs].filter((ds) => ds.isInitialized).map((ds) => ds.destroy()));
  }
}

/**
 * What every process needs: configuration, the logger, PostgreSQL (the record), Redis and
 * the queues (the bus, from `@prystan/queue`), the repositories and the key ring.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: Config, logger: AppLogger, processName: string): DynamicModule {
    const providers = [
      { provide: CONFIG, useValue: config },
      { provide: LOGGER, useValue: logger },
      {
        provide: DATA_SOURCE,
        useFactory: async () => createDataSource(config.DATABASE_URL, { applicationName: `prystan-${processName}` }).initialize(),
      },
      {
        provide: MESSAGE_DATA_SOURCE,
        useFactory: async () => createDataSource(config.DATABASE_URL, { poolSize: MESSAGE_POOL_SIZE, applicationName: `prystan-${processName}-messages` }).initialize(),
      },
      { provide: Db, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new Db(ds) },
      ...REPOSITORIES.map((Repo) => ({ provide: Repo, inject: [Db], useFactory: (db: Db) => new Repo(db) })),
      { provide: MessageRepository, inject: [MESSAGE_DATA_SOURCE], useFactory: (ds: DataSource) => new MessageRepository(new Db(ds)) },
      { provide: REDIS, useFactory: () => withOutageLog(createRedis(config.REDIS_URL, 'producer', `${config.REDIS_PREFIX}:${processName}`), logger) },
      { provide: Keyring, useFactory: () => new Keyring(config.messageKeys) },
      PlatformLifecycle,
    ];
    return {
      module: PlatformModule,
      // the queues (and the QueueBus) share the producer connection
      imports: [QueueModule.forRoot({ connection: REDIS, redisPrefix: config.REDIS_PREFIX })],
      providers,
      exports: providers.filter((p) => p !== PlatformLifecycle).map((p) => ('provide' in p ? p.provide : p)),
    };
  }
}
