import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './load-config';

const keys = { MESSAGE_KEY: randomBytes(32).toString('base64'), APP_SECRET: randomBytes(32).toString('base64') };

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ ...keys });
    expect(config).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/prystan',
      REDIS_URL: 'redis://127.0.0.1:6379',
      OFFER_TIMEOUT_SECONDS: 30,
      STATS_MIN_CELL: 5,
      ALLOW_HTTP_WEBHOOKS: false,
      publicUrl: 'http://localhost:3000',
    });
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.messageKeys).toEqual([Buffer.from(keys.MESSAGE_KEY, 'base64')]);
    expect(config.ALLOW_PRIVATE_WEBHOOKS).toBe(false);
    expect(config.RISK_MODEL).toBe('advisory');
  });

  it('lets the risk model move people in the line only when told, and refuses anything but off, advisory or on', () => {
    expect(loadConfig({ ...keys, RISK_MODEL: 'on' }).RISK_MODEL).toBe('on');
    expect(loadConfig({ ...keys, RISK_MODEL: 'off' }).RISK_MODEL).toBe('off');
    expect(() => loadConfig({ ...keys, RISK_MODEL: 'yes' })).toThrow(/RISK_MODEL must be off, advisory or on/);
  });

  it('lists every bad variable in one error', () => {
    let error: Error | undefined;
    try {
      loadConfig({ ...keys, PORT: 'eighty', OFFER_TIMEOUT_SECONDS: '-1', REDIS_URL: 'http://x', ALLOW_HTTP_WEBHOOKS: 'maybe', SMTP_URL: 'mail.example.org' });
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of ['PORT', 'OFFER_TIMEOUT_SECONDS', 'REDIS_URL', 'ALLOW_HTTP_WEBHOOKS', 'SMTP_URL']) expect(error!.message).toContain(name);
  });

  it('requires both keys in production and refuses malformed ones', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MESSAGE_KEY and APP_SECRET are required/);
    expect(() => loadConfig({ ...keys, MESSAGE_KEY: 'short' })).toThrow(/MESSAGE_KEY/);
  });

  it('reads a keyring of comma-separated keys, newest first, and refuses a malformed or repeated one', () => {
    const older = randomBytes(32).toString('base64');
    expect(loadConfig({ ...keys, MESSAGE_KEY: `${keys.MESSAGE_KEY},${older}` }).messageKeys.map((k) => k.toString('base64'))).toEqual([keys.MESSAGE_KEY, older]);
    for (const bad of [`${keys.MESSAGE_KEY}, ${older}`, `${keys.MESSAGE_KEY},`, `,${keys.MESSAGE_KEY}`, `${keys.MESSAGE_KEY};${older}`, `${keys.MESSAGE_KEY},${older.slice(0, 20)}`]) {
      expect(() => loadConfig({ ...keys, MESSAGE_KEY: bad })).toThrow(/MESSAGE_KEY must be 1 to 10 comma-separated keys/);
    }
    expect(() => loadConfig({ ...keys, MESSAGE_KEY: `${older},${older}` })).toThrow(/MESSAGE_KEY lists the same key twice/);
    // the error never quotes a key
    try {
      loadConfig({ ...keys, MESSAGE_KEY: `${older},x` });
    } catch (e) {
      expect((e as Error).message).not.toContain(older);
    }
  });

  it('asks managers and admins for a second factor unless told otherwise, and never none in production', () => {
    expect(loadConfig({ ...keys }).mfaRequiredRoles).toEqual(['manager', 'admin']);
    expect(loadConfig({ ...keys, MFA_REQUIRED_ROLES: 'counsellor, manager,admin' }).mfaRequiredRoles).toEqual(['counsellor', 'manager', 'admin']);
    expect(loadConfig({ ...keys, MFA_REQUIRED_ROLES: '' }).mfaRequiredRoles).toEqual([]);
    expect(() => loadConfig({ ...keys, MFA_REQUIRED_ROLES: 'manager,boss' })).toThrow(/MFA_REQUIRED_ROLES/);
    expect(() => loadConfig({ ...keys, NODE_ENV: 'production', MFA_REQUIRED_ROLES: '' })).toThrow(/MFA_REQUIRED_ROLES must name at least one role in production/);
    expect(() => loadConfig({ ...keys, NODE_ENV: 'production', MFA_REQUIRED_ROLES: ' , ' })).toThrow(/MFA_REQUIRED_ROLES/);
    expect(loadConfig({ ...keys, NODE_ENV: 'production' }).mfaRequiredRoles).toEqual(['manager', 'admin']);
  });

  it('needs the inactivity close after the prompt', () => {
    expect(() => loadConfig({ ...keys, INACTIVITY_PROMPT_SECONDS: '600', INACTIVITY_CLOSE_SECONDS: '300' })).toThrow(/INACTIVITY_CLOSE_SECONDS/);
  });

  it('parses the embed origins list', () => {
    expect(loadConfig({ ...keys, EMBED_ORIGINS: ' https://a.example  https://b.example ' }).embedOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('serves metrics on 127.0.0.1:9464 (gateway) and 9465 (worker) by default, and 0 turns them off', () => {
    expect(loadConfig({ ...keys })).toMatchObject({ GATEWAY_METRICS_PORT: 9464, WORKER_METRICS_PORT: 9465, METRICS_HOST: '127.0.0.1' });
    expect(loadConfig({ ...keys, GATEWAY_METRICS_PORT: '0', WORKER_METRICS_PORT: '0' })).toMatchObject({ GATEWAY_METRICS_PORT: 0, WORKER_METRICS_PORT: 0 });
    expect(loadConfig({ ...keys, METRICS_HOST: '::1' }).METRICS_HOST).toBe('::1');
    expect(loadConfig({ ...keys, METRICS_HOST: '0.0.0.0' }).METRICS_HOST).toBe('0.0.0.0');
  });

  it('refuses a bad metrics port or host, naming it', () => {
    for (const [name, value] of [['GATEWAY_METRICS_PORT', '70000'], ['GATEWAY_METRICS_PORT', 'nine'], ['WORKER_METRICS_PORT', '-1'], ['WORKER_METRICS_PORT', '94.5']]) {
      expect(() => loadConfig({ ...keys, [name]: value })).toThrow(new RegExp(`${name}`));
    }
    for (const host of ['metrics.example.org', '127.0.0.1:9464', '300.1.1.1', 'http://127.0.0.1']) {
      expect(() => loadConfig({ ...keys, METRICS_HOST: host })).toThrow(/METRICS_HOST must be an IP address/);
    }
  });

  it('refuses metrics ports that clash with PORT or with each other', () => {
    expect(() => loadConfig({ ...keys, PORT: '9464' })).toThrow(/GATEWAY_METRICS_PORT must differ from PORT/);
    expect(() => loadConfig({ ...keys, PORT: '8080', WORKER_METRICS_PORT: '8080' })).toThrow(/WORKER_METRICS_PORT must differ from PORT/);
    expect(() => loadConfig({ ...keys, GATEWAY_METRICS_PORT: '9500', WORKER_METRICS_PORT: '9500' })).toThrow(/must differ \(9500\)/);
    expect(loadConfig({ ...keys, PORT: '0', GATEWAY_METRICS_PORT: '0', WORKER_METRICS_PORT: '0' }).PORT).toBe(0);
  });
});
