import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { verifyWebhookSignature } from '@prystan/escalation-delivery';

export interface ReceivedHook {
  /** its Idempotency-Key header */
  key: string;
  /** whether it carries a good signature made with the receiver's secret (false when it has none to check) */
  valid: boolean;
  /** the JSON body (empty when it was not JSON: `raw` holds what came) */
  body: Record<string, unknown>;
  raw: string;
  headers: IncomingHttpHeaders;
}

/**
 * A crisis service's webhook endpoint on loopback (which the gateway and worker reach only
 * with ALLOW_PRIVATE_WEBHOOKS): keeps every request, checks its signature with `secret`, and
 * answers as the test tells it to (200 `{}` unless `answer` is set).
 */
export class WebhookReceiver {
  readonly requests: ReceivedHook[] = [];
  answer: (n: number, res: ServerResponse) => void = (_n, res) => res.writeHead(200).end('{}');
  port = 0;
  private server?: Server;

  constructor(readonly secret?: string) {}

  /** The address a service's webhook channel names. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const valid = !!this.secret && verifyWebhookSignature(this.secret, req.headers['x-prystan-timestamp'] as string, req.headers['x-prystan-signature'] as string, raw);
        this.requests.push({ key: String(req.headers['idempotency-key']), valid, body: parseJson(raw), raw, headers: req.headers });
        this.answer(this.requests.length, res);
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as { port: number }).port;
  }

  stop(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}

/** A body that is not JSON must not throw in the server: the test reading it fails instead. */
function parseJson(raw: string): Record<string, unknown> {
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A receiver started before the file's tests and stopped after them: declare it before the file's service when a setting names its port. */
export function webhookReceiver(secret?: string): WebhookReceiver {
  const receiver = new WebhookReceiver(secret);
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  return receiver;
}
