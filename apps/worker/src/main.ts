import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestPinoLogger } from '@prystan/logging';
import { enableGracefulShutdown, installCrashHandlers, loadConfigOrExit } from '@prystan/platform';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const { config, logger } = loadConfigOrExit('worker');
  installCrashHandlers(logger);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), { logger: new NestPinoLogger(logger) });
  enableGracefulShutdown(app, logger);
  await app.init();
}

void bootstrap();
