import type { Socket } from 'socket.io-client';
import { TestEnvironment } from './environment';
import type { AppProcess } from './processes';

export interface LiveService {
  env: TestEnvironment;
  /** the first gateway's base URL, set once the service is up */
  base: string;
  /** every gateway's base URL, in the order they were asked for */
  bases: string[];
  /** the workers started for the file */
  workers: AppProcess[];
  /** client sockets to close after the file's tests */
  sockets: Socket[];
  /** keeps a socket for closing after the file's tests, and returns it */
  keep<T extends Socket>(socket: T): T;
}

export interface LiveOptions {
  /** gateways to start (default 1); 0 for a file whose tests start their own */
  gateways?: number;
  /** workers to start (default 1); 0 for a file about the gateway alone */
  workers?: number;
  /**
   * Settings for the gateways, read when they start: after the file's own `beforeAll` declared
   * before this service, for settings that name something the file starts first (a port).
   */
  gatewayEnv?: () => Record<string, string>;
  /** The same, for the workers. */
  workerEnv?: () => Record<string, string>;
}

/**
 * A test file's live service: its own database and Redis prefix, with one gateway and one
 * worker (or as many as `options` asks for) started before its tests and stopped after them,
 * with every kept socket closed. `extraEnv` may be a function, read when the file's service
 * starts (after the file's own earlier `beforeAll`), when a setting names something the file
 * starts first: it then holds for every process started later in the file too.
 */
export function liveService(extraEnv: Record<string, string> | (() => Record<string, string>) = {}, options: LiveOptions = {}): LiveService {
  const late = typeof extraEnv === 'function' ? extraEnv : undefined;
  const sockets: Socket[] = [];
  const service: LiveService = {
    env: new TestEnvironment(late ? {} : (extraEnv as Record<string, string>)),
    base: '',
    bases: [],
    workers: [],
    sockets,
    keep: (socket) => {
      sockets.push(socket);
      return socket;
    },
  };
  const { gateways = 1, workers = 1 } = options;
  beforeAll(async () => {
    if (late) Object.assign(service.env.extraEnv, late());
    await service.env.setUp();
    const gatewayEnv = options.gatewayEnv?.() ?? {};
    service.bases = await Promise.all(Array.from({ length: gateways }, () => service.env.gateway(gatewayEnv)));
    service.base = service.bases[0] ?? '';
    const workerEnv = options.workerEnv?.() ?? {};
    service.workers = await Promise.all(Array.from({ length: workers }, () => service.env.worker(workerEnv)));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await service.env.tearDown();
  });
  return service;
}
