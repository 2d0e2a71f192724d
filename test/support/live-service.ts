import type { Socket } from 'socket.io-client';
import { TestEnvironment } from './environment';

export interface LiveService {
  env: TestEnvironment;
  /** the gateway's base URL, set once the service is up */
  base: string;
  /** client sockets to close after the file's tests */
  sockets: Socket[];
}

/**
 * One gateway and one worker on this test file's own database and Redis prefix, started
 * before its tests and stopped after them, with every kept socket closed.
 */
export function liveService(extraEnv: Record<string, string> = {}): LiveService {
  const service: LiveService = { env: new TestEnvironment(extraEnv), base: '', sockets: [] };
  beforeAll(async () => {
    await service.env.setUp();
    service.base = await service.env.gateway();
    await service.env.worker();
  });
  afterAll(async () => {
    service.sockets.forEach((s) => s.close());
    await service.env.tearDown();
  });
  return service;
}
