import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@prystan/config';
import { createLogger } from '@prystan/logging';
import { httpRoutes, socketEvents, type HttpRoute, type SocketEvent } from '../../apps/gateway/src/common/interface-registry';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';

export type { HttpRoute, SocketEvent };

/**
 * The gateway's whole public interface, read from the gateway's own root module by the same
 * function the product exports: every HTTP route and every socket event it serves. Nest's
 * preview mode builds the module graph without creating any provider, so nothing connects.
 */
export async function gatewayInterface(env: Record<string, string>): Promise<{ routes: HttpRoute[]; events: SocketEvent[] }> {
  const config = loadConfig(env, () => undefined);
  const logger = createLogger({ level: 'silent', name: 'interface-registry' });
  const app = await NestFactory.createApplicationContext(GatewayModule.forRoot(config, logger), { preview: true, logger: false, abortOnError: false });
  try {
    return { routes: httpRoutes(app), events: socketEvents(app) };
  } finally {
    await app.close();
  }
}
