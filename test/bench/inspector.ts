import { writeFileSync } from 'node:fs';

/**
 * A process's DevTools inspector (it runs with --inspect on loopback), for what the bench asks of
 * it between phases: a full garbage collection before memory is read, and a CPU profile of one
 * phase alone (not the start-up and sign-ins around it).
 */
async function session(inspectorPort: number): Promise<{ call: (method: string, params?: object) => Promise<unknown>; close: () => void }> {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
  let nextId = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.onmessage = (m) => {
    const reply = JSON.parse(String(m.data)) as { id?: number; result?: unknown };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result);
  };
  return {
    call: (method, params = {}) => new Promise((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    }),
    close: () => ws.close(),
  };
}

/** HeapProfiler.collectGarbage, twice (what weak references held goes on the second). */
export async function collectGarbage(inspectorPort: number): Promise<void> {
  const s = await session(inspectorPort);
  await s.call('HeapProfiler.collectGarbage');
  await s.call('HeapProfiler.collectGarbage');
  s.close();
}

/** Starts a CPU profile; the returned function stops it and writes it to `file`. */
export async function profilePhase(inspectorPort: number, file: string): Promise<() => Promise<void>> {
  const s = await session(inspectorPort);
  await s.call('Profiler.enable');
  await s.call('Profiler.start');
  return async () => {
    const { profile } = (await s.call('Profiler.stop')) as { profile: unknown };
    writeFileSync(file, JSON.stringify(profile));
    s.close();
  };
}
