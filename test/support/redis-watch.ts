import IORedis from 'ioredis';

const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Watches every command the Redis server receives (MONITOR) and keeps those that hold any of
 * `needles` — published on the bus, written to a key, or put in a job. The server is shared by
 * other test files, so only commands naming this run's `prefix` are counted as ours.
 */
export async function watchRedis(prefix: string, needles: string[]): Promise<{ stop(): Promise<{ ours: number; found: string[] }> }> {
  const client = new IORedis(REDIS);
  const monitor = await client.monitor();
  let ours = 0;
  const found: string[] = [];
  monitor.on('monitor', (_time: string, args: string[]) => {
    const command = args.join(' ');
    if (command.includes(prefix)) ours++;
    for (const needle of needles) if (command.includes(needle)) found.push(`${args[0]} ${args[1] ?? ''}`);
  });
  return {
    async stop() {
      monitor.disconnect();
      client.disconnect();
      return { ours, found };
    },
  };
}
