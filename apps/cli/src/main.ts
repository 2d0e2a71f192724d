import 'reflect-metadata';
import { ConfigError, loadConfig, unsupportedRuntime } from '@prystan/config';
import { ensureDatabase, migrate } from '@prystan/persistence';
import { parseKeys, runKeys } from './keys-command';
import { startAll } from './launcher';
import { parseMfaReset, resetSecondFactor } from './mfa-reset-command';
import { addStaff, checkPassword, parseStaffAdd, readFirstLine, UsageError } from './staff-command';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const runtime = unsupportedRuntime();
  if (runtime) {
    err(runtime);
    return 78;
  }
  const config = loadConfig(process.env, err);
  switch (command) {
    case 'start':
      return startAll(config, out);
    case 'migrate': {
      await ensureDatabase(config.DATABASE_URL);
      const applied = await migrate(config.DATABASE_URL);
      out(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      return 0;
    }
    case 'staff': {
      if (rest[0] === 'mfa-reset') {
        out(await resetSecondFactor(config, parseMfaReset(rest).email));
        return 0;
      }
      const input = parseStaffAdd(rest);
      const password = checkPassword(await readFirstLine(process.stdin));
      out(await addStaff(config, input, password));
      return 0;
    }
    case 'keys':
      return runKeys(config, parseKeys(rest), out);
    default:
      err('usage: main.js start | migrate | staff add … | staff mfa-reset --email E | keys status | keys rotate');
      return 64;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError || e instanceof ConfigError) {
      err(e.message.split('\n').join(' ').replace(/\s+/g, ' '));
      process.exit(e instanceof UsageError ? 2 : 78);
    }
    const code = (e as { code?: string }).code;
    err(code === 'ECONNREFUSED' ? 'cannot reach PostgreSQL at DATABASE_URL' : `failed: ${(e as Error).message}`);
    process.exit(1);
  },
);
