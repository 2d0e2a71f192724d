import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './processes';

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

/**
 * The metric names a PromQL expression reads: identifiers that are not functions (followed
 * by a parenthesis), keywords, label names inside braces or grouping clauses, or strings.
 */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const m of bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    if (m[2] || KEYWORDS.has(m[1])) continue;
    names.add(m[1]);
  }
  return [...names];
}

const MONITORING = join(ROOT, 'docker/monitoring');

/** Every query of the Grafana dashboard and every alert rule's expression. */
export function monitoringQueries(): { where: string; expr: string }[] {
  const dashboard = JSON.parse(readFileSync(join(MONITORING, 'grafana/dashboards/prystan.json'), 'utf8')) as { panels: { title: string; targets?: { expr: string }[] }[] };
  const rules = parse(readFileSync(join(MONITORING, 'alerts.yml'), 'utf8')) as { groups: { rules: { alert: string; expr: string }[] }[] };
  return [
    ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `panel "${p.title}"`, expr: t.expr }))),
    ...rules.groups.flatMap((g) => g.rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr }))),
  ];
}
