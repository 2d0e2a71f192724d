import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestPinoLogger } from '@prystan/logging';
import { installCrashHandlers, loadConfigOrExit } from '@prystan/platform';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const { config, logger } = loadConfigOrExit('worker');
  installCrashHandlers(logger);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger), { logger: new NestPinoLogger(logger) });
  app.enableShutdownHooks();
  await app.init();
}

void bootstrap();
