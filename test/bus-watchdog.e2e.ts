import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { BusWatchdog } from '../apps/gateway/src/common/bus-watchdog';
import { eventually } from './support/clients';

const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The gateway's bus watchdog against the real Redis: it notices a subscriber that went deaf, and mends it. */
describe('bus watchdog', () => {
  const key = `prystan-test-${randomBytes(4).toString('hex')}:socket.io`;
  const pattern = `${key}#/staff#*`;
  const errors: string[] = [];
  const logger = { error: (_o: unknown, msg: string) => errors.push(msg), warn: () => undefined } as never;
  let pub: IORedis;
  let sub: IORedis;
  let watchdog: BusWatchdog;

  beforeAll(async () => {
    pub = new IORedis(REDIS);
    sub = new IORedis(REDIS);
    await sub.psubscribe(pattern); // what the socket.io adapter does for /staff
    watchdog = new BusWatchdog(pub, sub, key, logger, { beatEveryMs: 200, staleAfterMs: 1_000 });
    watchdog.start();
  });

  afterAll(() => {
    watchdog.stop();
    pub.disconnect();
    sub.disconnect();
  });

  it('hears its heartbeat, notices when the subscription is gone, says so, and subscribes again', async () => {
    await eventually(async () => watchdog.hearing, 3_000, 100);
    expect(errors).toEqual([]);

    // the subscriber goes deaf behind everyone's back
    await sub.punsubscribe(pattern);
    await eventually(async () => !watchdog.hearing, 5_000, 100);
    // it says so at its next beat after the silence
    await eventually(async () => errors.includes('this gateway no longer hears the Redis bus; subscribing again'), 3_000, 50);

    // mended: the heartbeat reaches this subscriber only through the pattern, so hearing it again means the pattern is back
    await eventually(async () => watchdog.hearing, 10_000, 100);
  });
});
