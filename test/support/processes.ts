import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The repository root (this file also runs compiled, from dist/test/support, for the benchmark). */
export const ROOT = [resolve(__dirname, '../..'), resolve(__dirname, '../../..')].find((dir) => existsSync(join(dir, 'package.json')))!;
const DIST = join(ROOT, 'dist/apps');
const OUTPUT = join(ROOT, 'test-output');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  server.close();
  await once(server, 'close');
  return port;
}

/** A real gateway or worker process, its whole output kept for assertions (and in test-output/). */
export class AppProcess {
  readonly output: string[] = [];
  private child?: ChildProcess;

  constructor(readonly kind: 'gateway' | 'worker', readonly env: Record<string, string>, readonly label: string, readonly nodeArgs: string[] = []) {}

  async start(timeoutMs = 60_000): Promise<void> {
    mkdirSync(OUTPUT, { recursive: true });
    const file = createWriteStream(join(OUTPUT, `${this.label}.log`), { flags: 'a' });
    this.child = spawn(process.execPath, [...this.nodeArgs, join(DIST, this.kind, 'src/main.js')], {
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ready = this.kind === 'gateway' ? '"gateway listening"' : '"worker ready"';
    await new Promise<void>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.label} did not start:\n${this.output.join('').slice(-3000)}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        this.output.push(text);
        file.write(text);
        if (text.includes(ready)) {
          clearTimeout(timer);
          resolveReady();
        }
      };
      this.child!.stdout!.on('data', onData);
      this.child!.stderr!.on('data', onData);
      this.child!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.label} exited with ${code}:\n${this.output.join('').slice(-3000)}`));
      });
    });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Sends `signal` and resolves with the exit code (null after a signal) once the process is gone. */
  async signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = once(child, 'exit') as Promise<[number | null]>;
    child.kill(signal);
    return (await exited)[0];
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get log(): string {
    return this.output.join('');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
    const [code] = (await once(child, 'exit')) as [number | null];
    clearTimeout(timer);
    return code;
  }
}

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** The built operator CLI (`dist/apps/cli`) run once with `env` and `args`, `stdin` written to it; resolves when it exits. */
export function runCli(env: Record<string, string>, args: string[], stdin = ''): Promise<CliResult> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolveRun({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
