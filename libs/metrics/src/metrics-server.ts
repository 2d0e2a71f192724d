import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CONFIG, type Config } from '@prystan/config';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { ENUMS } from './labels';
import { HEALTH_PROBE, healthBody, type HealthProbe } from './health';
import { PrystanMetrics } from './prystan-metrics';

/**
 * The process's second port: Prometheus text at `/metrics`, `/health` beside it, nothing
 * else. It is bound while the process starts (module init, before the gateway listens and
 * before the worker says ready), on GATEWAY_METRICS_PORT or WORKER_METRICS_PORT and
 * METRICS_HOST; 0 turns it off. A port that cannot be bound stops the start with one clear
 * line: an operator who asked for metrics must not believe they are watched when they are not.
 */
@Injectable()
export class MetricsEndpoint implements OnModuleInit, OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly metrics: PrystanMetrics,
    private readonly moduleRef: ModuleRef,
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    const variable = this.metrics.kind === 'gateway' ? 'GATEWAY_METRICS_PORT' : 'WORKER_METRICS_PORT';
    const port = this.config[variable];
    const host = this.config.METRICS_HOST;
    if (port === 0) {
      this.logger.info(`metrics off (${variable}=0)`);
      return;
    }
    try {
      const bound = await this.listen(port, host, this.moduleRef.get<HealthProbe>(HEALTH_PROBE, { strict: false }));
      this.logger.info({ host, port: bound }, 'metrics listening');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      const why = code === 'EADDRINUSE' ? 'the port is taken (each process on a host needs its own)' : code === 'EADDRNOTAVAIL' ? 'no such address on this machine' : code;
      this.logger.fatal({ code, port }, 'metrics port could not be bound');
      this.logger.flush();
      process.stderr.write(`Cannot serve metrics on ${host}:${port}: ${why}. Set ${variable} to a free port, or 0 to turn metrics off; METRICS_HOST to an address of this machine.\n`);
      process.exit(78);
    }
  }

  private async listen(port: number, host: string, health: HealthProbe): Promise<number> {
    this.metrics.gauge('dependencyUp', async (gauge) => {
      const report = await health.check();
      gauge.reset();
      for (const dependency of ENUMS.dependency) {
        const up = report.checks[dependency];
        if (up !== undefined) gauge.set({ dependency }, up ? 1 : 0);
      }
    });
    const server = createServer((req, res) => void this.answer(req, res, health));
    // a scraper holds connections open; they must not keep a stopping process alive
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => { server.off('error', reject); resolve(); });
    });
    server.unref();
    this.server = server;
    return (server.address() as { port: number }).port;
  }

  private async answer(req: IncomingMessage, res: ServerResponse, health: HealthProbe): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'application/json', JSON.stringify({ error: { code: 'not_found', message: 'GET only' } }));
    try {
      if (path === '/metrics') return send(res, 200, this.metrics.registry.contentType, await this.metrics.registry.metrics());
      if (path === '/health') {
        const report = await health.check();
        return send(res, report.ok ? 200 : 503, 'application/json', JSON.stringify(healthBody(report)));
      }
      send(res, 404, 'application/json', JSON.stringify({ error: { code: 'not_found', message: 'this port serves /metrics and /health' } }));
    } catch (err) {
      this.logger.error({ err, path }, 'metrics endpoint failed');
      send(res, 503, 'application/json', JSON.stringify({ status: 'unavailable' }));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
}

