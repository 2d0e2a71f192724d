import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Where the machine's CPU went during a phase of the bench (Linux /proc): the gateways, the
 * workers, PostgreSQL, Redis, the load generator (this process) and everything else. On a small
 * machine with all of them side by side, this says what bounds a figure: a process that is
 * slow because it waits for a core is not made faster by tuning its code.
 */
type Group = 'gateways' | 'workers' | 'PostgreSQL' | 'Redis' | 'load generator';
const GROUPS: Group[] = ['gateways', 'workers', 'PostgreSQL', 'Redis', 'load generator'];

/** The machine's busy and total ticks, and each counted process's (its group and its ticks). */
interface Snapshot { machineBusy: number; machineTotal: number; processes: Map<number, { group: Group; ticks: number }> }

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function groupOf(pid: number): Group | undefined {
  if (pid === process.pid) return 'load generator';
  let comm: string;
  try {
    comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined; // gone meanwhile
  }
  if (comm === 'postgres') return 'PostgreSQL';
  if (comm === 'redis-server') return 'Redis';
  if (comm !== 'node' && comm !== 'MainThread') return undefined;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined; // gone meanwhile
  }
  if (cmdline.includes('gateway/src/main.js')) return 'gateways';
  if (cmdline.includes('worker/src/main.js')) return 'workers';
  return undefined;
}

/** user + system ticks of one process, its threads included; undefined when it has ended */
function ticksOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return undefined;
  }
}

function snapshot(): Snapshot | undefined {
  let machine: number[];
  try {
    machine = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  } catch {
    return undefined; // not Linux
  }
  const idle = machine[3] + machine[4];
  const total = machine.slice(0, 8).reduce((a, b) => a + b, 0);
  const processes = new Map<number, { group: Group; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const group = groupOf(pid);
    const ticks = group && ticksOf(pid);
    if (group && ticks !== undefined) processes.set(pid, { group, ticks });
  }
  return { machineBusy: total - idle, machineTotal: total, processes };
}

/** Starts counting; the function returned prints where the CPU went since, during `phase`. */
export function cpuShare(): (phase: string) => string[] {
  const from = snapshot();
  return (phase) => {
    const to = snapshot();
    if (!from || !to) return [];
    const cores = cpus().length;
    const coreSeconds = (ticks: number) => ticks / TICKS_PER_SECOND;
    // a process that ended meanwhile (a database connection closed) took its ticks with it: they count as "anything else"
    const used = new Map<Group, number>(GROUPS.map((g) => [g, 0]));
    for (const [pid, { group, ticks }] of to.processes) used.set(group, used.get(group)! + ticks - (from.processes.get(pid)?.ticks ?? 0));
    const parts = GROUPS.map((g) => `${g} ${coreSeconds(used.get(g)!).toFixed(1)}`);
    const busy = coreSeconds(to.machineBusy - from.machineBusy);
    const known = GROUPS.reduce((sum, g) => sum + coreSeconds(used.get(g)!), 0);
    const all = coreSeconds(to.machineTotal - from.machineTotal);
    return [`  CPU during ${phase}, in core-seconds of the ${all.toFixed(1)} the machine's ${cores} cores had: ${parts.join(', ')}; anything else ${(busy - known).toFixed(1)}; idle ${(all - busy).toFixed(1)}`];
  };
}
