import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { NestPinoLogger } from '@prystan/logging';
import { installCrashHandlers, loadConfigOrExit, socketIoKey } from '@prystan/platform';
import { StaffRepository } from '@prystan/persistence';
import { createRedis } from '@prystan/queue';
import { BusWatchdog } from './common/bus-watchdog';
import { noStoreForApi } from './common/api-headers';
import { ContractPipe } from './common/contract.pipe';
import { HttpErrorFilter } from './common/http-exception.filter';
import { RedisIoAdapter } from './common/redis-io.adapter';
import { socketSurface } from './common/socket-surface';
import { GatewayModule } from './gateway.module';

async function bootstrap() {
  const { config, logger } = loadConfigOrExit('gateway');
  installCrashHandlers(logger);
  const pub = createRedis(config.REDIS_URL, 'pubsub', `${config.REDIS_PREFIX}:gateway-pub`);
  // The adapter subscribes as soon as the namespaces exist, which may be during this
  // connection's handshake: ioredis sends (P)SUBSCRIBE then (Redis marks them `loading`), its
  // INFO ready check fails on a connection already in subscriber mode, ioredis reconnects, and
  // the subscription, never confirmed, is not restored: the gateway heard nothing. A subscriber
  // has no use for the ready check; without it nothing fails (and the gateway still starts,
  // and says it is unavailable, while Redis is down).
  const sub = pub.duplicate({ connectionName: `${config.REDIS_PREFIX}:gateway-sub`, enableReadyCheck: false });
  const watchdog = new BusWatchdog(pub, sub, socketIoKey(config.REDIS_PREFIX), logger);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(config, logger, watchdog), {
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

  app.useWebSocketAdapter(new RedisIoAdapter(app, pub, sub, socketIoKey(config.REDIS_PREFIX), socketSurface(config, logger)));
  watchdog.start();
  app.enableShutdownHooks();

  await app.listen(config.PORT);
  const port = (app.getHttpServer().address() as { port: number }).port;
  logger.info({ port }, 'gateway listening');
  if ((await app.get(StaffRepository).count()) === 0) {
    logger.warn('no staff accounts yet: create the first admin with `npm run -s staff -- add --email you@example.org --name "Your Name" --role admin --languages pl,uk,en` (password on standard input)');
  }
  process.once('beforeExit', () => { watchdog.stop(); pub.disconnect(); sub.disconnect(); });
}

void bootstrap();
