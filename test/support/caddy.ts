import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './clients';
import { freePort, ROOT } from './processes';

/**
 * Debian's caddy running the project's own docker/Caddyfile, as the deployment does, on a
 * free port in plain HTTP (an `http://` site address: no certificate), in front of the given
 * gateways. Its admin endpoint is off so that several can run side by side.
 */
export class Caddy {
  private child?: ChildProcess;
  private home = '';
  readonly output: string[] = [];
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(upstreams: string[]): Promise<void> {
    this.port = await freePort();
    this.home = mkdtempSync(join(tmpdir(), 'prystan-caddy-'));
    this.child = spawn('caddy', ['run', '--config', join(ROOT, 'docker/Caddyfile'), '--adapter', 'caddyfile'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: this.home,
        XDG_DATA_HOME: this.home,
        XDG_CONFIG_HOME: this.home,
        PRYSTAN_HOST: `http://127.0.0.1:${this.port}`,
        PRYSTAN_UPSTREAMS: upstreams.map((u) => new URL(u).host).join(' '),
        CADDY_GLOBAL: 'admin off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (c: Buffer) => this.output.push(c.toString()));
    this.child.stderr!.on('data', (c: Buffer) => this.output.push(c.toString()));
    await eventually(async () => (await fetch(`${this.url}/api/health`).catch(() => undefined))?.status === 200, 15_000, 100)
      .catch(() => { throw new Error(`caddy did not start:\n${this.output.join('').slice(-2000)}`); });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    if (this.home) rmSync(this.home, { recursive: true, force: true });
  }
}
