import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { redact, scrubString } from './redaction';

describe('redaction at the logger', () => {
  it('drops message text, tokens and addresses from nested objects', () => {
    const out = redact({ sessionId: 's1', text: 'he will kill me', nested: { resumeToken: 'abc', ip: '10.0.0.1' } });
    expect(out).toEqual({ sessionId: 's1', text: '[redacted]', nested: { resumeToken: '[redacted]', ip: '[redacted]' } });
  });

  it('scrubs IP addresses and bearer tokens out of free text', () => {
    expect(scrubString('connect from 192.168.1.20 and ::ffff:10.1.2.3 with Bearer abc.def')).toBe('connect from [ip] and [ip] with Bearer [redacted]');
    // compressed IPv6, the form most phones' addresses take, and loopback; a time of day is no address
    expect(scrubString('from 2a02:a311:8143::5, [2001:db8::1]:443 and ::1')).toBe('from [ip], [[ip]]:443 and [ip]');
    expect(scrubString('full 2001:0db8:85a3:0000:0000:8a2e:0370:7334 here')).toBe('full [ip] here');
    // with a separator glued on either side
    expect(scrubString('ip:2001:0db8:85a3:0000:0000:8a2e:0370:7334')).toBe('ip:[ip]');
    expect(scrubString('addr=2a02:a311:8143:0:1:2:3:4.')).toBe('addr=[ip].');
    expect(scrubString('host:2a02:a311::5 and from ::1.')).toBe('host:[ip] and from [ip].');
    expect(scrubString('2001:db8:0:0:0:0:2:1:8080')).not.toContain('2001:db8');
  });

  it('reduces a driver error to type, code and message, dropping its parameters', () => {
    const err = Object.assign(new Error('duplicate key'), { code: '23505', parameters: ['secret text'], detail: 'Key (x)=(secret text)' });
    const out = JSON.stringify(redact({ err }));
    expect(out).toContain('23505');
    expect(out).not.toContain('secret text');
  });

  it('redacts what is passed to the pino logger itself', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
    const logger = createLogger({ level: 'info', name: 'test', destination: sink });
    logger.info({ text: 'MARKER-TEXT', ip: '203.0.113.9', sessionId: 'abc' }, 'from 203.0.113.9');
    logger.error(new Error('failed for 198.51.100.4'));
    await new Promise((r) => setImmediate(r));
    const all = lines.join('');
    expect(all).toContain('abc');
    expect(all).not.toContain('MARKER-TEXT');
    expect(all).not.toContain('203.0.113.9');
    expect(all).not.toContain('198.51.100.4');
  });
});
