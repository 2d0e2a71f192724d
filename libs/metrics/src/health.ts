import type { ENUMS } from './labels';

export type Dependency = (typeof ENUMS.dependency)[number];

/** What a process's `/health` reports: each dependency it needs, up or down. */
export interface HealthReport { ok: boolean; checks: Partial<Record<Dependency, boolean>> }

/** Each process provides one under HEALTH_PROBE; `/health` and `prystan_dependency_up` both read it. */
export interface HealthProbe { check(): Promise<HealthReport> }
export const HEALTH_PROBE = Symbol('HEALTH_PROBE');

/** Rejects after `ms`: a dependency that hangs is as down as one that refuses. */
export function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

/** Settles each check (true: it answered in time) and the report from them. */
export async function probe(checks: Partial<Record<Dependency, () => Promise<unknown> | boolean>>, timeoutMs = 2000): Promise<HealthReport> {
  const names = Object.keys(checks) as Dependency[];
  const results = await Promise.allSettled(names.map((n) => within(timeoutMs, Promise.resolve().then(checks[n]!))));
  const report: HealthReport = { ok: true, checks: {} };
  results.forEach((r, i) => {
    const up = r.status === 'fulfilled' && r.value !== false;
    report.checks[names[i]] = up;
    if (!up) report.ok = false;
  });
  return report;
}

/** The JSON body both health endpoints answer: `{status: "ok"}`, or what is down. */
export function healthBody(report: HealthReport): Record<string, string> {
  if (report.ok) return { status: 'ok' };
  return { status: 'unavailable', ...Object.fromEntries(Object.entries(report.checks).map(([k, up]) => [k, up ? 'ok' : 'down'])) };
}
