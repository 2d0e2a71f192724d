/**
 * TLS in production (requireTls), against real SMTP servers on 127.0.0.1 (smtp-server).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { assertSmtpUrlUsesTls, deliverEmail } from './email';
import { PermanentDeliveryError } from './errors';
import { buildEscalationPayload } from './payload';

const payload = buildEscalationPayload({
  escalationId: '9c4a1f2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', service: { id: 's', name: 'Centre' }, urgency: 'today', language: 'pl',
  details: { summary: 'prosi o telefon' }, createdAt: '2025-11-22T13:15:00.000Z', ackUrl: 'https://chat.example.org/api/escalations/ack/AAAA',
});

/** A mail server that offers STARTTLS (smtp-server's own self-signed certificate) or not. */
async function startSmtp(offerStartTls: boolean) {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    disabledCommands: offerStartTls ? [] : ['STARTTLS'],
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (c) => (raw += c));
      stream.on('end', () => (mails.push(raw), callback()));
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const send = (smtpUrl: string, requireTls: boolean) =>
  deliverEmail({ smtpUrl, from: 'prystan@helpline.example.org', to: 'duty@crisis.example.org', payload, requireTls, timeoutMs: 5000 }).then(() => undefined, (e: unknown) => e as Error);

describe('e-mail over TLS only (production)', () => {
  it('refuses a server that does not offer STARTTLS: permanent, reason tls, nothing sent in the clear', async () => {
    const smtp = await startSmtp(false);
    try {
      const err = await send(smtp.url, true);
      expect(err).toBeInstanceOf(PermanentDeliveryError);
      expect(err).toMatchObject({ reason: 'tls' });
      expect(smtp.mails).toHaveLength(0);
      // the same server takes the message when TLS is not required (development, tests)
      expect(await send(smtp.url, false)).toBeUndefined();
      expect(smtp.mails).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('goes through STARTTLS and checks the certificate (a self-signed one is refused)', async () => {
    const smtp = await startSmtp(true);
    try {
      const err = await send(smtp.url, true);
      expect(err).toBeInstanceOf(PermanentDeliveryError);
      expect(err).toMatchObject({ reason: 'tls' });
      expect(smtp.mails).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });

  it('refuses an SMTP_URL that turns TLS off or weakens it, before connecting', () => {
    for (const url of ['smtp://h:25?ignoreTLS=true', 'smtp://h?secure=false', 'smtp://h?tls.rejectUnauthorized=false', 'smtp://h?requireTLS=false', 'http://h']) {
      expect(() => assertSmtpUrlUsesTls(url)).toThrow(PermanentDeliveryError);
    }
    for (const url of ['smtps://user:pw@mail.example.org:465', 'smtp://mail.example.org:587', 'smtp://mail.example.org?pool=true']) {
      expect(() => assertSmtpUrlUsesTls(url)).not.toThrow();
    }
  });
});
