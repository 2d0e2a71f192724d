import { once } from 'node:events';
import { connect } from 'node:net';

const REDIS = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

/** The quoted arguments of one MONITOR line: `+<time> [<db> <addr>] "cmd" "arg" …`. */
function monitoredArgs(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!);
}

/**
 * Watches every command the Redis server receives (MONITOR) and keeps those that hold any of
 * `needles` — published on the bus, written to a key, or put in a job. The server is shared by
 * other test files, so only commands naming this run's `prefix` are counted as ours. A plain
 * socket reads the feed: ioredis's monitor mode mistakes a busy feed for a broken command queue.
 */
export async function watchRedis(prefix: string, needles: string[]): Promise<{ stop(): Promise<{ ours: number; found: string[] }> }> {
  const socket = connect(Number(REDIS.port || 6379), REDIS.hostname);
  await once(socket, 'connect');
  let ours = 0;
  const found: string[] = [];
  let pending = '';
  let watching!: () => void;
  const started = new Promise<void>((resolve) => { watching = resolve; });
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\r\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '+OK') { watching(); continue; }
      if (line.includes(prefix)) ours++;
      const args = monitoredArgs(line);
      for (const needle of needles) if (line.includes(needle)) found.push(`${args[0] ?? ''} ${args[1] ?? ''}`);
    }
  });
  socket.write('MONITOR\r\n');
  await started;
  return {
    async stop() {
      socket.destroy();
      return { ours, found };
    },
  };
}
