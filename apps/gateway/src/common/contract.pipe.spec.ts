import { SessionCloseDto, SessionStartDto, ClientError } from '@prystan/contract';
import { ContractPipe, nullPath } from './contract.pipe';

const pipe = new ContractPipe();
const asBody = (metatype: unknown) => ({ type: 'body' as const, metatype: metatype as never });

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ClientError ? e.code : 'other';
  }
  return undefined;
}

describe('contract validation pipe', () => {
  it('accepts a valid payload and returns the class instance', () => {
    const value = pipe.transform({ language: 'uk', triage: { immediateDanger: true, ageGroup: 'child' } }, asBody(SessionStartDto));
    expect(value).toBeInstanceOf(SessionStartDto);
  });

  it.each([null, 'text', 7, [], [{ language: 'pl' }]])('refuses %j as invalid_input', (payload) => {
    expect(code(() => pipe.transform(payload, asBody(SessionStartDto)))).toBe('invalid_input');
  });

  it('refuses unknown fields, unknown languages and wrong nested types, naming the field but not the value', () => {
    for (const payload of [
      { language: 'ua', triage: { immediateDanger: false } },
      { language: 'pl', triage: { immediateDanger: 'no' } },
      { language: 'pl', triage: { immediateDanger: false }, note: 'SECRET' },
      { language: 'pl', triage: { immediateDanger: false, extra: 'SECRET' } },
    ]) {
      try {
        pipe.transform(payload, asBody(SessionStartDto));
        throw new Error('accepted');
      } catch (e) {
        expect((e as ClientError).code).toBe('invalid_input');
        expect((e as Error).message).not.toContain('SECRET');
      }
    }
  });

  it('checks category codes one by one', () => {
    const base = { sessionId: '6f1c1c52-5f43-4b0e-9f39-4b1b7a4e7d11', outcome: 'supported', riskLevel: 'none' };
    expect(code(() => pipe.transform({ ...base, categories: ['physical', 'stalking'] }, asBody(SessionCloseDto)))).toBeUndefined();
    expect(code(() => pipe.transform({ ...base, categories: ['physical', 'aliens'] }, asBody(SessionCloseDto)))).toBe('invalid_input');
    expect(code(() => pipe.transform({ ...base, categories: 'physical' }, asBody(SessionCloseDto)))).toBe('invalid_input');
  });
});

describe('null in a payload', () => {
  it('is refused wherever it is, naming where', () => {
    for (const [payload, path] of [
      [{ language: 'pl', triage: { immediateDanger: false, forWhom: null } }, 'triage.forWhom'],
      [{ language: null, triage: { immediateDanger: false } }, 'language'],
    ] as const) {
      try {
        pipe.transform(payload, asBody(SessionStartDto));
        throw new Error('accepted');
      } catch (e) {
        expect((e as ClientError).code).toBe('invalid_input');
        expect((e as Error).message).toContain(path);
      }
    }
  });

  it('is found in arrays and deep nesting without recursion', () => {
    expect(nullPath({ a: [1, { b: null }] })).toBe('a.1.b');
    let deep: unknown = null;
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(nullPath({ deep: deep as object })).toMatch(/^deep(\.0)+$/);
    expect(nullPath({ a: 1, b: ['x'], c: { d: false } })).toBeUndefined();
  });
});
