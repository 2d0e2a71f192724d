import { Readable } from 'node:stream';
import { parseMfaReset } from './mfa-reset-command';
import { checkPassword, parseStaffAdd, readFirstLine, UsageError } from './staff-command';

const base = ['add', '--email', 'olena@example.org', '--name', 'Olena', '--role', 'counsellor', '--languages', 'uk,pl'];

describe('staff add arguments', () => {
  it('parses a valid command with defaults', () => {
    expect(parseStaffAdd(base)).toEqual({ email: 'olena@example.org', name: 'Olena', role: 'counsellor', languages: ['uk', 'pl'], maxChats: 1 });
    expect(parseStaffAdd([...base, '--max-chats', '3']).maxChats).toBe(3);
  });

  it.each([
    [['add'], /--email/],
    [[...base.slice(0, 7), 'boss', ...base.slice(8)], /--role/],
    [[...base.slice(0, 9), 'pl,ua'], /--languages/],
    [[...base, '--max-chats', '2.5'], /--max-chats/],
    [[...base, '--colour', 'red'], /Unknown option/],
    [['remove'], /usage/],
  ])('refuses %j with a one-line reason', (argv, reason) => {
    expect(() => parseStaffAdd(argv as string[])).toThrow(UsageError);
    expect(() => parseStaffAdd(argv as string[])).toThrow(reason as RegExp);
  });

  it('wants a password of at least 10 characters on the first line of standard input', async () => {
    expect(await readFirstLine(Readable.from(['correct horse\nsecond line\n']))).toBe('correct horse');
    expect(() => checkPassword('short')).toThrow(/at least 10/);
    expect(checkPassword('long enough password')).toBe('long enough password');
  });
});

describe('staff mfa-reset arguments', () => {
  it('wants exactly one email', () => {
    expect(parseMfaReset(['mfa-reset', '--email', ' ada@example.org '])).toEqual({ email: 'ada@example.org' });
    expect(() => parseMfaReset(['mfa-reset'])).toThrow(/--email/);
    expect(() => parseMfaReset(['mfa-reset', '--email', 'nobody'])).toThrow(/--email/);
    expect(() => parseMfaReset(['mfa-reset', '--email', 'a@example.org', '--all'])).toThrow(UsageError);
  });
});
