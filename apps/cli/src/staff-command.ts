import { parseArgs } from 'node:util';
import * as argon2 from 'argon2';
import { isEmail } from 'class-validator';
import type { Config } from '@prystan/config';
import { LANGUAGES, ROLES, type Language, type Role } from '@prystan/contract';
import { createDataSource, Db, EmailTakenError, ensureDatabase, migrate, StaffRepository } from '@prystan/persistence';

export class UsageError extends Error {}

const USAGE = 'usage: staff add --email E --name N --role counsellor|manager|admin --languages pl,uk,en [--max-chats K]  (password: first line of standard input)';
export const MIN_PASSWORD = 10;

/** argon2id, OWASP minimum cost; the gateway verifies with whatever parameters the hash records. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface NewStaff { email: string; name: string; role: Role; languages: Language[]; maxChats: number }

/** Parses and checks `staff add` arguments; throws UsageError with a one-line reason. */
export function parseStaffAdd(argv: string[]): NewStaff {
  const [verb, ...rest] = argv;
  if (verb !== 'add') throw new UsageError(USAGE);
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, languages: { type: 'string' }, 'max-chats': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  const email = values.email?.trim() ?? '';
  const name = values.name?.trim() ?? '';
  if (!isEmail(email)) throw new UsageError('--email must be an email address');
  if (name.length < 1 || name.length > 100) throw new UsageError('--name must be 1 to 100 characters');
  if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const languages = [...new Set((values.languages ?? '').split(',').map((l) => l.trim()).filter(Boolean))];
  if (languages.length === 0 || languages.some((l) => !LANGUAGES.includes(l as Language))) {
    throw new UsageError(`--languages must be a comma list of ${LANGUAGES.join(', ')}`);
  }
  const maxChats = values['max-chats'] === undefined ? 1 : Number(values['max-chats']);
  if (!Number.isInteger(maxChats) || maxChats < 1 || maxChats > 10) throw new UsageError('--max-chats must be a whole number from 1 to 10');
  return { email, name, role: values.role as Role, languages: languages as Language[], maxChats };
}

export function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD) throw new UsageError(`the password (first line of standard input) must be at least ${MIN_PASSWORD} characters`);
  if (password.length > 1024) throw new UsageError('the password must be at most 1024 characters');
  return password;
}

export async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let data = '';
  for await (const chunk of stream) {
    data += chunk.toString();
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0] ?? '';
}

/** Creates the account and returns its id. */
export async function addStaff(config: Config, input: NewStaff, password: string): Promise<string> {
  await ensureDatabase(config.DATABASE_URL);
  await migrate(config.DATABASE_URL);
  const ds = await createDataSource(config.DATABASE_URL, { poolSize: 1, applicationName: 'prystan-cli' }).initialize();
  try {
    const staff = await new StaffRepository(new Db(ds)).create({ ...input, passwordHash: await argon2.hash(password, ARGON2) });
    return staff.id;
  } catch (err) {
    if (err instanceof EmailTakenError) throw new UsageError(err.message);
    throw err;
  } finally {
    await ds.destroy();
  }
}
