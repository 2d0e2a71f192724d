import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { freePort } from '../support/processes';

/** The project's root: the anchors load socket.io, pg and ioredis from its node_modules. */
const ROOT = join(__dirname, '../../..');

export interface Anchor { name: string; url: string; stop: () => Promise<void> }

/**
 * The two relays Prystan is measured against in the same run (test/bench/anchors, from the
 * project's shared benchmark): `bare` relays to the pair and nothing else (the ceiling);
 * `durable` adds what Prystan's guarantees cost at least (the Redis adapter, AES-256-GCM, a
 * group-committed PostgreSQL insert before relay and acknowledgement).
 */
export async function startAnchor(name: 'bare' | 'durable', deps: { pgUrl: string; redisUrl: string }): Promise<Anchor> {
  const port = await freePort();
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  let database: string | undefined;
  if (name === 'bare') env.BARE_PORT = String(port);
  else {
    database = `prystan_bench_durable_${process.pid}_${Date.now()}`;
    await admin(deps.pgUrl, `CREATE DATABASE ${database}`);
    Object.assign(env, { DURABLE_PORT: String(port), DURABLE_DB: `${deps.pgUrl}/${database}`, DURABLE_REDIS: deps.redisUrl });
  }
  const child = spawn(process.execPath, [join(ROOT, 'test/bench/anchors', `${name}-relay.mjs`)], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await listening(url, child);
  return {
    name,
    url,
    stop: async () => {
      await new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); });
      if (database) await admin(deps.pgUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

/** One socket of a pair, as the anchors' README asks: `auth: { pair }`, WebSocket only. */
export async function anchorSocket(url: string, pair: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { pair } });
  await new Promise<void>((resolve, reject) => { socket.once('connect', () => resolve()); socket.once('connect_error', reject); });
  return socket;
}

async function admin(pgUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: `${pgUrl}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Resolves once the anchor answers a connection (it prints nothing when ready). */
async function listening(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`anchor exited with ${child.exitCode}`);
    try {
      (await anchorSocket(url, 'probe')).close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`anchor at ${url} did not start`);
}
