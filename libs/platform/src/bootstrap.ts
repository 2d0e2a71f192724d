import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig, ConfigError, unsupportedRuntime, type Config } from '@prystan/config';
import { createLogger, type AppLogger } from '@prystan/logging';

/** Loads configuration or exits with the list of what is wrong (no stack trace for an operator's typo). */
export function loadConfigOrExit(processName: string): { config: Config; logger: AppLogger } {
  const runtime = unsupportedRuntime();
  if (runtime) {
    process.stderr.write(`${runtime}\n`);
    process.exit(78);
  }
  let config: Config;
  try {
    const warnings: string[] = [];
    config = loadConfig(process.env, (m) => warnings.push(m));
    const logger = createLogger({ level: config.LOG_LEVEL, name: processName });
    for (const w of warnings) logger.warn(w);
    return { config, logger };
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}

/** Last-resort handlers: log (redacted) and exit non-zero so a supervisor restarts the process. */
export function installCrashHandlers(logger: AppLogger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason instanceof Error ? reason : new Error(String(reason)) }, 'unhandled rejection');
  });
  process.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception');
    logger.flush();
    setTimeout(() => process.exit(1), 100).unref();
  });
}

/** A gateway or worker is gone within this long after SIGTERM, whatever still hangs (the contract allows 10 s). */
const SHUTDOWN_DEADLINE_MS = 9500;
const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * SIGTERM or SIGINT runs Nest's shutdown hooks once (a second signal, as when Ctrl-C reaches
 * both `npm start`'s launcher and its children, does not cut it short), then exits 0 so a
 * supervisor sees a clean stop. The order lives in the hooks: `beforeApplicationShutdown`
 * drains (a gateway's sockets, a worker's running jobs), Nest closes the servers, then
 * `onApplicationShutdown` closes the connections. A shutdown that hangs exits 1 at the deadline.
 */
export function enableGracefulShutdown(app: INestApplicationContext, logger: AppLogger): void {
  app.enableShutdownHooks([...STOP_SIGNALS], { useProcessExit: true });
  let stopping = false;
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'stopping');
      setTimeout(() => {
        logger.error('shutdown did not finish in time; exiting');
        logger.flush();
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
    });
  }
}
