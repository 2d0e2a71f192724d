import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { NestPinoLogger } from '@prystan/logging';
import { enableGracefulShutdown, installCrashHandlers, loadConfigOrExit } from '@prystan/platform';
import { StaffRepository } from '@prystan/persistence';
import { noStoreForApi } from './common/api-headers';
import { ContractPipe } from './common/contract.pipe';
import { HttpErrorFilter } from './common/http-exception.filter';
import { RedisIoAdapter } from './common/redis-io.adapter';
import { socketSurface } from './common/socket-surface';
import { SocketBus } from './common/socket-bus';
import { SocketDrain } from './common/socket-drain';
import { GatewayModule } from './gateway.module';

async function bootstrap() {
  const { config, logger } = loadConfigOrExit('gateway');
  installCrashHandlers(logger);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config, logger), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.disable('x-powered-by');
  app.use('/api', noStoreForApi); // first, so that even a body the parser refuses is answered no-store
  app.useBodyParser('json', { limit: '64kb' });
  // pages set their own CSP and framing rules (web/page-headers.ts); the API gets helmet's defaults
  app.use(helmet({ frameguard: false, referrerPolicy: { policy: 'no-referrer' }, crossOriginEmbedderPolicy: false, contentSecurityPolicy: false }));
  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.useGlobalPipes(new ContractPipe());

  const bus = app.get(SocketBus);
  app.useWebSocketAdapter(new RedisIoAdapter(app, bus.pub, bus.sub, bus.key, socketSurface(config, logger), app.get(SocketDrain)));
  bus.watchdog.start();
  enableGracefulShutdown(app, logger);

  await app.listen(config.PORT);
  const port = (app.getHttpServer().address() as { port: number }).port;
  logger.info({ port }, 'gateway listening');
  if ((await app.get(StaffRepository).count()) === 0) {
    logger.warn('no staff accounts yet: create the first admin with `npm run -s staff -- add --email you@example.org --name "Your Name" --role admin --languages pl,uk,en` (password on standard input)');
  }
}

void bootstrap();
