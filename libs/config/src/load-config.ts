import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig } from './app-config';
import { parseEmbedOrigins } from './embed-origins';

export class ConfigError extends Error {}

/** Resolved configuration: the validated variables plus the decoded keys. */
export interface Config extends Readonly<Omit<AppConfig, 'MESSAGE_KEY' | 'APP_SECRET'>> {
  /** MESSAGE_KEY's keys, newest first (at least one, all different). */
  readonly messageKeys: Buffer[];
  readonly appSecret: Buffer;
  readonly publicUrl: string;
  readonly embedOrigins: string[];
  /** The roles that must use a second factor (from MFA_REQUIRED_ROLES). */
  readonly mfaRequiredRoles: ('counsellor' | 'manager' | 'admin')[];
}

const DEV_KEY_FILE = '.prystan-dev-keys.json';

/**
 * Validates the environment once, listing every bad variable in one error.
 * Production requires MESSAGE_KEY and APP_SECRET; development and tests fall back to
 * keys generated once into an ignored local file, with a warning.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, warn: (msg: string) => void = defaultWarn): Config {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of [...known, 'MESSAGE_KEY', 'APP_SECRET', 'SMTP_URL', 'PUBLIC_URL', 'PRYSTAN_ROLE']) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  // set but empty is meaningful here: no role needs a second factor (refused in production below)
  if (env.MFA_REQUIRED_ROLES !== undefined) raw.MFA_REQUIRED_ROLES = env.MFA_REQUIRED_ROLES;
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { skipMissingProperties: false });
  const embed = parseEmbedOrigins(typeof config.EMBED_ORIGINS === 'string' ? config.EMBED_ORIGINS : '');
  if (errors.length > 0 || embed.errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    lines.push(...embed.errors.map((e) => `  EMBED_ORIGINS: ${e}`));
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (config.INACTIVITY_CLOSE_SECONDS <= config.INACTIVITY_PROMPT_SECONDS) {
    throw new ConfigError('Invalid configuration:\n  INACTIVITY_CLOSE_SECONDS must be greater than INACTIVITY_PROMPT_SECONDS');
  }
  const mfaRequiredRoles = parseRoles(config.MFA_REQUIRED_ROLES);
  if (config.NODE_ENV === 'production' && mfaRequiredRoles.length === 0) {
    throw new ConfigError('Invalid configuration:\n  MFA_REQUIRED_ROLES must name at least one role in production (the default is manager,admin)');
  }
  const clash = metricsPortClash(config);
  if (clash) throw new ConfigError(`Invalid configuration:\n  ${clash}`);
  const keys = resolveKeys(config, warn);
  const { MESSAGE_KEY: _m, APP_SECRET: _a, ...rest } = config;
  return Object.freeze({
    ...rest,
    ...keys,
    publicUrl: (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, ''),
    embedOrigins: embed.origins,
    mfaRequiredRoles,
  }) as Config;
}

/** A process cannot serve users and its metrics on one port; a gateway and a worker on one host need two. */
function metricsPortClash(config: AppConfig): string | undefined {
  const { PORT, GATEWAY_METRICS_PORT: gateway, WORKER_METRICS_PORT: worker } = config;
  if (gateway !== 0 && gateway === PORT) return `GATEWAY_METRICS_PORT must differ from PORT (${PORT})`;
  if (worker !== 0 && worker === PORT) return `WORKER_METRICS_PORT must differ from PORT (${PORT})`;
  if (gateway !== 0 && gateway === worker) return `GATEWAY_METRICS_PORT and WORKER_METRICS_PORT must differ (${gateway}): a gateway and a worker may share a host`;
  return undefined;
}

/** MESSAGE_KEY's list, already matched against its pattern; one key listed twice is a mistake worth stopping for. */
export function parseMessageKeys(value: string): Buffer[] {
  const keys = value.split(',').map((k) => Buffer.from(k, 'base64'));
  if (keys.some((k) => k.length !== 32)) throw new ConfigError('Invalid configuration:\n  MESSAGE_KEY: every key must be 32 bytes in base64');
  if (new Set(keys.map((k) => k.toString('hex'))).size !== keys.length) throw new ConfigError('Invalid configuration:\n  MESSAGE_KEY lists the same key twice');
  return keys;
}

function parseRoles(list: string): Config['mfaRequiredRoles'] {
  return [...new Set(list.split(',').map((r) => r.trim()).filter(Boolean))] as Config['mfaRequiredRoles'];
}

function resolveKeys(config: AppConfig, warn: (msg: string) => void): { messageKeys: Buffer[]; appSecret: Buffer } {
  if (config.MESSAGE_KEY && config.APP_SECRET) {
    return { messageKeys: parseMessageKeys(config.MESSAGE_KEY), appSecret: Buffer.from(config.APP_SECRET, 'base64') };
  }
  if (config.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration:\n  MESSAGE_KEY and APP_SECRET are required in production (openssl rand -base64 32)');
  }
  const file = resolve(process.cwd(), DEV_KEY_FILE);
  let stored: { MESSAGE_KEY?: string; APP_SECRET?: string } = {};
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } else {
    stored = { MESSAGE_KEY: randomBytes(32).toString('base64'), APP_SECRET: randomBytes(32).toString('base64') };
    writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
  }
  warn(`MESSAGE_KEY/APP_SECRET not set: using development keys from ${DEV_KEY_FILE}. Set both in production.`);
  return {
    messageKeys: parseMessageKeys(config.MESSAGE_KEY ?? stored.MESSAGE_KEY!),
    appSecret: Buffer.from(config.APP_SECRET ?? stored.APP_SECRET!, 'base64'),
  };
}

function defaultWarn(msg: string): void {
  process.stderr.write(`${JSON.stringify({ level: 'warn', msg })}\n`);
}
