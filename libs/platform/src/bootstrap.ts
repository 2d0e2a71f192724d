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
