import { randomBytes, randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import IORedis from 'ioredis';
import { Client, Pool } from 'pg';
import { ensureDatabase, migrate } from '@prystan/persistence';
import { login } from './clients';
import { AppProcess, freePort } from './processes';

const PG = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Where a test file's PostgreSQL and Redis are: the machine's shared ones unless it brings its own. */
export interface Dependencies { pgUrl: string; redisUrl: string }

export interface StaffLogin { id: string; email: string; password: string; name: string }

/**
 * One test file's world: its own database and Redis key prefix, and the real processes
 * started against them. Nothing is mocked.
 */
export class TestEnvironment {
  readonly id = randomBytes(4).toString('hex');
  readonly redisPrefix = `prystan-test-${this.id}`;
  readonly processes: AppProcess[] = [];
  private pg?: Pool;

  constructor(readonly extraEnv: Record<string, string> = {}, readonly deps: Dependencies = { pgUrl: PG, redisUrl: REDIS }) {}

  get databaseUrl(): string {
    return `${this.deps.pgUrl}/prystan_test_${this.id}`;
  }

  get redisUrl(): string {
    return this.deps.redisUrl;
  }

  env(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      REDIS_PREFIX: this.redisPrefix,
      MESSAGE_KEY: KEYS.message,
      APP_SECRET: KEYS.app,
      LOG_LEVEL: 'debug',
      // test files run side by side: the metrics ports are off unless a test asks for them
      GATEWAY_METRICS_PORT: '0',
      WORKER_METRICS_PORT: '0',
      // the public throttles have their own test (api-hardening); elsewhere a page reloaded often must not meet them
      PUBLIC_API_PER_MINUTE: '100000',
      PUBLIC_PAGES_PER_MINUTE: '100000',
      ...this.extraEnv,
      ...overrides,
    };
  }

  async setUp(): Promise<void> {
    await ensureDatabase(this.databaseUrl);
    await migrate(this.databaseUrl);
    // a pool, not one client: fault tests restart PostgreSQL under it, and a pool drops dead connections
    this.pg = new Pool({ connectionString: this.databaseUrl, max: 2 });
    this.pg.on('error', () => undefined);
  }

  /** Starts a gateway on a free port and returns its base URL. */
  async gateway(overrides: Record<string, string> = {}, nodeArgs: string[] = []): Promise<string> {
    const port = await freePort();
    const proc = new AppProcess('gateway', this.env({ PORT: String(port), ...overrides }), `${this.id}-gateway-${this.processes.length}`, nodeArgs);
    this.processes.push(proc);
    await proc.start();
    return `http://127.0.0.1:${port}`;
  }

  async worker(overrides: Record<string, string> = {}, nodeArgs: string[] = []): Promise<AppProcess> {
    const proc = new AppProcess('worker', this.env(overrides), `${this.id}-worker-${this.processes.length}`, nodeArgs);
    this.processes.push(proc);
    await proc.start();
    return proc;
  }

  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pg!.query(text, params)).rows as T[];
  }

  /** A staff account written straight to the database (the CLI has its own test). */
  async staff(input: { role?: string; languages?: string[]; maxChats?: number; name?: string; enrol?: boolean } = {}): Promise<StaffLogin> {
    const email = `staff-${randomUUID().slice(0, 8)}@example.org`;
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const name = input.name ?? `Counsellor ${email.slice(6, 10)}`;
    const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const [row] = await this.sql<{ id: string }>(
      `INSERT INTO staff (email, name, role, languages, max_chats, password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [email, name, input.role ?? 'counsellor', input.languages ?? ['pl', 'uk', 'en'], input.maxChats ?? 1, hash],
    );
    const login: StaffLogin = { id: row.id, email, password, name };
    if (input.enrol !== false) await this.enrolIfRequired(login, input.role ?? 'counsellor');
    return login;
  }

  /**
   * A manager or admin sets up their second factor on their first sign-in, as in production
   * (MFA_REQUIRED_ROLES keeps its default unless a test file sets it): done here, through the
   * running gateway, so that tests not about sign-in get a person who signs in with a code.
   */
  private async enrolIfRequired(who: StaffLogin, role: string): Promise<void> {
    const gateway = this.processes.find((p) => p.kind === 'gateway');
    const required = (gateway?.env.MFA_REQUIRED_ROLES ?? 'manager,admin').split(',').map((r) => r.trim());
    if (!gateway || !required.includes(role)) return;
    await login(`http://127.0.0.1:${gateway.env.PORT}`, who.email, who.password);
  }

  /** Between tests of one file: nobody on duty, no session left live (so each test starts from an empty line). */
  async resetLine(): Promise<void> {
    await this.sql(`UPDATE staff SET presence = 'offline'`);
    await this.sql(`UPDATE chat_session SET state = 'ended', ended_at = now(), ended_by = 'system', offer_expires_at = NULL WHERE state <> 'ended'`);
  }

  /** The Redis connections of this environment's processes named `suffix`, with their subscription counts. */
  async redisClients(suffix: string): Promise<{ sub: number; psub: number }[]> {
    const redis = new IORedis(this.redisUrl);
    try {
      const list = (await redis.call('CLIENT', 'LIST')) as string;
      return list.split('\n')
        .map((line) => Object.fromEntries(line.split(' ').map((field) => field.split('=') as [string, string])))
        .filter((client) => client.name === `${this.redisPrefix}:${suffix}`)
        .map((client) => ({ sub: Number(client.sub), psub: Number(client.psub) }));
    } finally {
      redis.disconnect();
    }
  }

  /** Every Redis key and value under this run's prefix, for "found nowhere" checks. */
  async redisDump(): Promise<string> {
    const redis = new IORedis(this.redisUrl);
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(cursor, 'MATCH', `${this.redisPrefix}*`, 'COUNT', 1000);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== '0');
      const parts: string[] = [];
      for (const key of keys) {
        const type = await redis.type(key);
        if (type === 'string') parts.push(key, (await redis.getBuffer(key))?.toString('latin1') ?? '');
        else if (type === 'hash') parts.push(key, JSON.stringify(await redis.hgetall(key)));
        else if (type === 'list') parts.push(key, JSON.stringify(await redis.lrange(key, 0, -1)));
        else if (type === 'set') parts.push(key, JSON.stringify(await redis.smembers(key)));
        else if (type === 'zset') parts.push(key, JSON.stringify(await redis.zrange(key, 0, -1)));
        else if (type === 'stream') parts.push(key, JSON.stringify(await redis.xrange(key, '-', '+')));
      }
      return parts.join('\n');
    } finally {
      redis.disconnect();
    }
  }

  async tearDown(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
    await this.pg?.end();
    const admin = new Client({ connectionString: `${this.deps.pgUrl}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "prystan_test_${this.id}" WITH (FORCE)`);
    await admin.end();
    const redis = new IORedis(this.redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.redisPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }

  get logs(): string {
    return this.processes.map((p) => p.log).join('\n');
  }
}

const KEYS = { message: randomBytes(32).toString('base64'), app: randomBytes(32).toString('base64') };
