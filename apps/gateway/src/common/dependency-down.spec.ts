import { isDependencyDown } from './dependency-down';

describe('isDependencyDown', () => {
  it('recognises PostgreSQL away: refused, terminated, shutting down, starting up, no connection in time', () => {
    expect(isDependencyDown(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDependencyDown(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyDown(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDependencyDown(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isDependencyDown(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDependencyDown({ name: 'QueryFailedError', message: 'x', driverError: { code: '08006' } })).toBe(true);
  });

  it('recognises Redis away', () => {
    expect(isDependencyDown(new Error("Stream isn't writeable and enableOfflineQueue options is false"))).toBe(true);
    expect(isDependencyDown(Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' }))).toBe(true);
  });

  it('leaves real faults alone: constraint violations, bad SQL, programming errors', () => {
    expect(isDependencyDown(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDependencyDown({ name: 'QueryFailedError', message: 'syntax error', driverError: { code: '42601' } })).toBe(false);
    expect(isDependencyDown(new TypeError('cannot read properties of undefined'))).toBe(false);
    expect(isDependencyDown(undefined)).toBe(false);
  });
});
