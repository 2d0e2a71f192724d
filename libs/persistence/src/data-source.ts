import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one DataSource definition: used by the apps, the launcher and the TypeORM CLI. */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'prystan',
    // Recovery after a PostgreSQL restart (docs/architecture.md, "Shutdown and recovery"): a
    // connection attempt gives up after 2 s, so a request answers `unavailable` instead of
    // hanging while PostgreSQL is away; idle connections are closed after 10 s and kept alive
    // by TCP, so few dead ones linger; pg-pool drops a connection that errored instead of
    // lending it again, and the pool's error handler keeps an idle one's death from crashing us.
    extra: { connectionTimeoutMillis: 2000, idleTimeoutMillis: 10_000, keepAlive: true, statement_timeout: 10_000, query_timeout: 15_000 },
    poolErrorHandler: () => undefined,
  });
}
