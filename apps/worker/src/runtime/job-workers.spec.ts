import { JOBS_BY_QUEUE } from '@prystan/queue';
import { unhandledJobs } from './job-workers';
import type { Processors } from './processors';

/** A processor that handles the given job names (only `handles` matters to the check). */
const handling = (...names: string[]) => ({ handles: (name: string) => names.includes(name) }) as never;

const complete = (): Partial<Processors> => Object.fromEntries(
  Object.entries(JOBS_BY_QUEUE).map(([queue, names]) => [queue, handling(...names)]),
);

describe('unhandledJobs (the worker refuses to start if a job has no handler)', () => {
  it('finds nothing when every queue has a processor for each of its jobs', () => {
    expect(unhandledJobs(complete())).toEqual([]);
  });

  it('names a job its processor does not handle', () => {
    expect(unhandledJobs({ ...complete(), routing: handling('route') })).toEqual(['routing/offer-expire']);
  });

  it('names every job of a queue without a processor', () => {
    const { escalations: _none, ...rest } = complete();
    expect(unhandledJobs(rest)).toEqual(['escalations/deliver']);
  });
});
