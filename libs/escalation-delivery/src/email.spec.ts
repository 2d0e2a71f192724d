/**
 * Against real SMTP servers on 127.0.0.1 (smtp-server, and a raw socket for a silent server):
 * nothing about the network is mocked.
 */
import { once } from 'node:events';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { deliverEmail, type EmailDelivery } from './email';
import { escalationMessageId, renderEscalationEmail } from './email-content';
import { PermanentDeliveryError, TransientDeliveryError } from './errors';
import { buildEscalationPayload, type EscalationPayload } from './payload';

const FROM = 'Prystan <prystan@helpline.example.org>';
const TO = 'duty-desk@crisis-centre.example.org';
const payload: EscalationPayload = buildEscalationPayload({
  escalationId: '9c4a1f2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  service: { id: 'svc-mail', name: 'Centrum Interwencji Kryzysowej' },
  urgency: 'today',
  language: 'uk',
  details: { summary: 'Чоловік погрожує; вона з дитиною у подруги', callbackPhone: '+48 600 000 001', location: 'Lublin, Śródmieście' },
  createdAt: '2025-11-22T13:15:00.000Z',
  ackUrl: 'https://chat.example.org/api/escalations/ack/Q2xvc2VkQmVmb3JlT3BlbmluZ19fX19fX19fX19fX19f',
});

interface Mail { from?: string; to: string[]; raw: string }

/** A local mail server; `reject` answers RCPT or DATA with an SMTP error. */
async function startSmtp(reject: { at: 'rcpt' | 'data'; code: number } | null = null): Promise<{ url: string; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const refuse = (code: number) => Object.assign(new Error(`refused ${code}`), { responseCode: code });
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(reject?.at === 'rcpt' ? refuse(reject.code) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (reject?.at === 'data') return callback(refuse(reject.code));
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  };
  const server = new SMTPServer(options);
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Header value (unfolded) from a raw message's header block. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim();
}

/** The decoded body of the part with this content type (quoted-printable, base64 or plain). */
function part(raw: string, type: 'text/plain' | 'text/html'): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  const found = parts.find((p) => new RegExp(`^\\s*Content-Type:\\s*${type}`, 'im').test(p.split(/\r?\n\r?\n/)[0]));
  if (!found) throw new Error(`no ${type} part`);
  const [head, ...rest] = found.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
  const body = rest.join('\r\n\r\n').replace(/\r?\n$/, '');
  const encoding = /Content-Transfer-Encoding:\s*(\S+)/i.exec(head)?.[1].toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => `%${h}`);
    return Buffer.from(decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25')), 'utf8').toString('utf8');
  }
  return body;
}

async function failure(d: Partial<EmailDelivery>): Promise<Error> {
  try {
    await deliverEmail({ from: FROM, to: TO, payload, timeoutMs: 2000, requireTls: false, ...d });
  } catch (err) {
    expectSafe(err as Error);
    return err as Error;
  }
  throw new Error('the delivery should have failed');
}

/** Error messages hold no details and no addresses. */
function expectSafe(err: Error): void {
  const text = `${err.message} ${String(err.stack)} ${JSON.stringify(err)}`;
  for (const secret of [payload.details.summary, payload.details.callbackPhone!, payload.details.location!, TO, 'helpline.example.org', 'crisis-centre']) {
    expect(text).not.toContain(secret);
  }
  expect((err as { cause?: unknown }).cause).toBeUndefined();
}

describe('deliverEmail against a real SMTP server', () => {
  it('sends the escalation: headers, envelope, a subject without details, the details and ack link in the body', async () => {
    const smtp = await startSmtp();
    try {
      await expect(deliverEmail({ smtpUrl: smtp.url, from: FROM, to: TO, payload, timeoutMs: 5000, requireTls: false })).resolves.toEqual({ messageId: `<escalation-${payload.escalationId}@prystan>` });
      expect(smtp.mails).toHaveLength(1);
      const [mail] = smtp.mails;
      expect(mail.from).toBe('prystan@helpline.example.org');
      expect(mail.to).toEqual([TO]);
      expect(header(mail.raw, 'Message-ID')).toBe(`<escalation-${payload.escalationId}@prystan>`);
      expect(header(mail.raw, 'X-Prystan-Escalation-Id')).toBe(payload.escalationId);
      expect(header(mail.raw, 'Auto-Submitted')).toBe('auto-generated');
      const subject = header(mail.raw, 'Subject')!;
      expect(subject).toBe('[Prystan] Escalation (today) 9c4a1f2e');
      for (const detail of Object.values(payload.details)) expect(subject).not.toContain(detail);
      const text = part(mail.raw, 'text/plain');
      expect(text).toContain(`Summary: ${payload.details.summary}`);
      expect(text).toContain(`Call back on: ${payload.details.callbackPhone}`);
      expect(text).toContain(`Location: ${payload.details.location}`);
      expect(text).toContain('Language of the person: uk (Ukrainian)');
      expect(text).toContain('Urgency: today');
      expect(text).toContain(payload.ackUrl);
      const html = part(mail.raw, 'text/html');
      expect(html).toContain(payload.details.summary);
      expect(html).toContain(`<a href="${payload.ackUrl}">`);
    } finally {
      await smtp.close();
    }
  });

  it('a resend is recognisably the same message (same Message-ID)', async () => {
    const smtp = await startSmtp();
    try {
      await deliverEmail({ smtpUrl: smtp.url, from: FROM, to: TO, payload, requireTls: false });
      await deliverEmail({ smtpUrl: smtp.url, from: FROM, to: TO, payload, requireTls: false });
      expect(smtp.mails.map((m) => header(m.raw, 'Message-ID'))).toEqual([escalationMessageId(payload.escalationId), escalationMessageId(payload.escalationId)]);
    } finally {
      await smtp.close();
    }
  });

  it('a 550 for the recipient is permanent', async () => {
    const smtp = await startSmtp({ at: 'rcpt', code: 550 });
    try {
      const err = await failure({ smtpUrl: smtp.url });
      expect(err).toBeInstanceOf(PermanentDeliveryError);
      expect(err.message).toBe('the mail server refused the message (550)');
      expect(smtp.mails).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });

  it('a 554 after DATA is permanent', async () => {
    const smtp = await startSmtp({ at: 'data', code: 554 });
    try {
      const err = await failure({ smtpUrl: smtp.url });
      expect(err).toBeInstanceOf(PermanentDeliveryError);
      expect(err.message).toBe('the mail server refused the message (554)');
    } finally {
      await smtp.close();
    }
  });

  it.each([['rcpt', 450], ['data', 451]] as const)('a %s %i is transient', async (at, code) => {
    const smtp = await startSmtp({ at, code });
    try {
      const err = await failure({ smtpUrl: smtp.url });
      expect(err).toBeInstanceOf(TransientDeliveryError);
      expect(err.message).toBe(`the mail server deferred the message (${code})`);
    } finally {
      await smtp.close();
    }
  });

  it('a closed port is transient: unreachable', async () => {
    const smtp = await startSmtp();
    const url = smtp.url;
    await smtp.close();
    const err = await failure({ smtpUrl: url });
    expect(err).toBeInstanceOf(TransientDeliveryError);
    expect(err.message).toBe('the mail server is unreachable (ECONNREFUSED)');
  });

  it('a server that never greets times out as transient, on time', async () => {
    const sockets: Socket[] = [];
    const silent: TcpServer = createTcpServer((s) => sockets.push(s)).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const started = Date.now();
    try {
      const err = await failure({ smtpUrl: `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`, timeoutMs: 400 });
      expect(err).toBeInstanceOf(TransientDeliveryError);
      expect(err.message).toBe('the mail server timed out');
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => silent.close(r));
    }
  });

  it('without SMTP_URL it fails permanently and clearly', async () => {
    const err = await failure({ smtpUrl: undefined });
    expect(err).toBeInstanceOf(PermanentDeliveryError);
    expect(err.message).toBe('SMTP_URL is not configured');
    expect((await failure({ smtpUrl: '' })).message).toBe('SMTP_URL is not configured');
  });
});

describe('renderEscalationEmail', () => {
  it('escapes the details in HTML and leaves optional ones out', () => {
    const p = { ...payload, urgency: 'immediate' as const, language: 'pl', details: { summary: '<script>alert("x")</script> & co' } };
    const mail = renderEscalationEmail(p);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&#60;script&#62;');
    expect(mail.text).not.toContain('Call back on');
    expect(mail.text).not.toContain('Location');
    expect(mail.text).toContain('Language of the person: pl (Polish)');
    expect(mail.subject).toBe('[Prystan] Escalation (immediate) 9c4a1f2e');
  });
});
