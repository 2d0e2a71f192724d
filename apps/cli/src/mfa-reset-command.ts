import { parseArgs } from 'node:util';
import { Emitter } from '@socket.io/redis-emitter';
import { isEmail } from 'class-validator';
import type { Config } from '@prystan/config';
import { AuditRepository, createDataSource, Db, ensureDatabase, migrate, SecondFactorRepository, StaffRepository, TokenRepository } from '@prystan/persistence';
import { Notifier, socketIoKey, type Broadcaster } from '@prystan/platform';
import { createRedis } from '@prystan/queue';
import { UsageError } from './staff-command';

const USAGE = 'usage: staff mfa-reset --email E';

/** Parses `staff mfa-reset --email E`; throws UsageError with a one-line reason. */
export function parseMfaReset(argv: string[]): { email: string } {
  const [verb, ...rest] = argv;
  if (verb !== 'mfa-reset') throw new UsageError(USAGE);
  let values: { email?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { email: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  const email = values.email?.trim() ?? '';
  if (!isEmail(email)) throw new UsageError('--email must be an email address');
  return { email };
}

/**
 * Removes a person's second factors, revokes their tokens and closes their `/staff` sockets on
 * every gateway (through the socket.io Redis channel the worker also uses). For an admin who
 * lost their phone when no other admin can reset it in the console. Returns the staff id.
 */
export async function resetSecondFactor(config: Config, email: string): Promise<string> {
  await ensureDatabase(config.DATABASE_URL);
  await migrate(config.DATABASE_URL);
  const ds = await createDataSource(config.DATABASE_URL, { poolSize: 1, applicationName: 'prystan-cli' }).initialize();
  // not a producer connection: that one gives up on a command after one failed connection
  // attempt, and the emitter below does not wait for its PUBLISH, so a slow start lost it
  const redis = createRedis(config.REDIS_URL, 'pubsub', `${config.REDIS_PREFIX}:cli`);
  try {
    const db = new Db(ds);
    const staff = await new StaffRepository(db).findForLogin(email);
    if (!staff) throw new UsageError('no staff member has this email');
    await new SecondFactorRepository(db).reset(staff.id);
    await new TokenRepository(db).revokeAllFor(staff.id);
    new Notifier(new Emitter(redis, { key: socketIoKey(config.REDIS_PREFIX) }) as unknown as Broadcaster).disconnectStaff(staff.id);
    // the emitter's PUBLISH is not awaited; a PING behind it on the same connection answers only after Redis has taken it
    await withTimeout(redis.ping(), 10_000, 'second factor removed and sign-ins revoked, but Redis did not answer: open sockets close at their next event');
    await new AuditRepository(db).record(null, 'auth.mfa-reset', { targetStaffId: staff.id });
    return staff.id;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
    await ds.destroy();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
