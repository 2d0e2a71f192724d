import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Config } from '@prystan/config';
import { createDataSource, Db, ensureDatabase, migrate, StaffRepository } from '@prystan/persistence';

const DIST = join(__dirname, '../..');

/** Prepares the database, then runs one gateway and one worker until Ctrl-C (or until one dies). */
export async function startAll(config: Config, say: (line: string) => void): Promise<number> {
  if (await ensureDatabase(config.DATABASE_URL)) say('created the database');
  const applied = await migrate(config.DATABASE_URL);
  if (applied.length) say(`applied migrations: ${applied.join(', ')}`);
  const ds = await createDataSource(config.DATABASE_URL, { poolSize: 1 }).initialize();
  const staffCount = await new StaffRepository(new Db(ds)).count();
  await ds.destroy();

  const children: ChildProcess[] = [
    spawn(process.execPath, [join(DIST, 'gateway/src/main.js')], { stdio: 'inherit', env: { ...process.env, PRYSTAN_ROLE: 'gateway' } }),
    spawn(process.execPath, [join(DIST, 'worker/src/main.js')], { stdio: 'inherit', env: { ...process.env, PRYSTAN_ROLE: 'worker' } }),
  ];
  const base = config.publicUrl;
  say('');
  say('Prystan is starting:');
  say(`  survivor chat   ${base}/chat?lang=pl   (also ?lang=uk, ?lang=en)`);
  say(`  embed loader    <script src="${base}/widget.js" data-lang="uk" defer></script>`);
  say(`  staff console   ${base}/console`);
  say(`  health          ${base}/api/health`);
  const metricsAt = (port: number) => (port === 0 ? 'off' : `http://${config.METRICS_HOST.includes(':') ? `[${config.METRICS_HOST}]` : config.METRICS_HOST}:${port}/metrics`);
  say(`  metrics         gateway ${metricsAt(config.GATEWAY_METRICS_PORT)}, worker ${metricsAt(config.WORKER_METRICS_PORT)}   (and /health)`);
  if (staffCount === 0) {
    say('');
    say('No staff accounts yet. Create the first admin (the password is read from standard input):');
    say('  echo "a-long-password" | npm run -s staff -- add --email you@example.org --name "Your Name" --role admin --languages pl,uk,en');
  }
  say('Press Ctrl-C to stop.');
  say('');

  return new Promise((resolve) => {
    let stopping = false;
    let exitCode = 0;
    let alive = children.length;
    const stop = (code: number) => {
      if (stopping) return;
      stopping = true;
      exitCode = code;
      say('Stopping: the gateway answers what is in flight, the worker finishes its jobs…');
      // each child also gets Ctrl-C's SIGINT from the terminal; a second signal does not cut its shutdown short
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // a child exits by itself within 10 s of the signal; this is the backstop
      setTimeout(() => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL')), 12_000).unref();
    };
    for (const child of children) {
      child.on('exit', (code) => {
        alive -= 1;
        if (!stopping) stop(code === 0 ? 1 : code ?? 1);
        if (alive === 0) {
          say(exitCode === 0 ? 'Prystan stopped.' : `Prystan stopped: a process exited with ${exitCode}.`);
          resolve(exitCode);
        }
      });
    }
    process.on('SIGINT', () => stop(0));
    process.on('SIGTERM', () => stop(0));
  });
}
