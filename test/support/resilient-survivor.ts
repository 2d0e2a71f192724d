import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from './clients';

const ACK_TIMEOUT_MS = 4000;

/**
 * A survivor's client as the chat page behaves: when its connection drops it connects to the
 * next gateway, resumes its session, and sends again (same clientId) whatever was not yet
 * acknowledged. It records what it needs for the fault suite's checks: every acknowledged
 * message, every resume, and how long each acknowledgement took.
 */
export class ResilientSurvivor {
  socket?: Socket;
  sessionId?: string;
  resumeToken?: string;
  /**
   * The token proposed to move to, kept until a resume is answered: as on the chat page, a
   * resume whose answer was lost (the connection closed under it) may have moved the session
   * to it already, and the old token is then not_found.
   */
  private nextResumeToken?: string;
  assigned = false;
  /** clientId → the message id the server acknowledged */
  readonly acked = new Map<string, string>();
  /** clientIds sent and not (yet) acknowledged */
  readonly pending = new Map<string, string>();
  /** when each successful resume was acknowledged */
  readonly resumedAt: number[] = [];
  /** acknowledgement latencies of every answered event, in ms (answers of any kind) */
  readonly ackLatencies: number[] = [];
  /** sent events never answered before their connection closed, and when it closed */
  readonly unanswered: { event: string; clientId?: string; closedAt: number }[] = [];
  private next = 0;
  private closed = false;
  private reconnecting?: Promise<void>;
  private counter = 0;

  constructor(private readonly gateways: string[], readonly label: string) {}

  async connect(index = 0): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      const base = this.gateways[(index + attempt) % this.gateways.length];
      try {
        this.socket = await open(base);
        this.next = (index + attempt) % this.gateways.length;
        this.socket.on('session:assigned', () => (this.assigned = true));
        this.socket.once('disconnect', () => void this.recover());
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  /** Asks for a chat until it has one (through `unavailable` answers and dropped connections). */
  async start(language: string, immediateDanger = false): Promise<Ack | undefined> {
    while (!this.closed) {
      await this.reconnecting;
      const ack = await this.ask('session:start', { language, triage: { immediateDanger } }).catch(() => undefined);
      if (ack?.ok) {
        this.sessionId = ack.sessionId as string;
        this.resumeToken = ack.resumeToken as string;
        return ack;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return undefined;
  }

  /** Sends one message; resolves true once acknowledged (after as many resends as it takes), false if closed first. */
  async send(text: string): Promise<boolean> {
    const clientId = `${this.label}-${this.counter++}`;
    this.pending.set(clientId, text);
    while (!this.closed) {
      await this.reconnecting;
      const ack = await this.ask('message:send', { clientId, text }).catch(() => undefined);
      if (ack?.ok) {
        this.pending.delete(clientId);
        this.acked.set(clientId, ack.id as string);
        return true;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  ask(event: string, payload: unknown): Promise<Ack> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.reject(new Error('not connected'));
    const sent = Date.now();
    return new Promise((resolve, reject) => {
      const onDisconnect = () => {
        this.unanswered.push({ event, clientId: (payload as { clientId?: string } | null)?.clientId, closedAt: Date.now() });
        finish();
        reject(new Error(`${event}: connection closed before its acknowledgement`));
      };
      const timer = setTimeout(() => { finish(); reject(new Error(`no ack for ${event}`)); }, ACK_TIMEOUT_MS);
      const finish = () => { clearTimeout(timer); socket.off('disconnect', onDisconnect); };
      socket.once('disconnect', onDisconnect);
      socket.emit(event, payload, (ack: Ack) => {
        finish();
        this.ackLatencies.push(Date.now() - sent);
        resolve(ack);
      });
    });
  }

  /** After a dropped connection: another gateway (or the same one back), then the session again. */
  private recover(): Promise<void> {
    if (this.closed || this.reconnecting) return this.reconnecting ?? Promise.resolve();
    this.reconnecting = (async () => {
      let start = this.next + 1;
      while (!this.closed) {
        await this.connect(start);
        if (!this.sessionId) break;
        this.nextResumeToken ??= randomBytes(32).toString('base64url');
        const ack = await this.ask('session:resume', { resumeToken: this.resumeToken, nextResumeToken: this.nextResumeToken }).catch(() => undefined);
        if (ack && !ack.ok && ack.error?.code === 'not_found' && this.nextResumeToken) {
          // an earlier resume moved the session and its answer was lost: the proposal is the live token
          this.resumeToken = this.nextResumeToken;
          this.nextResumeToken = undefined;
        }
        if (ack?.ok) {
          this.resumeToken = (ack.resumeToken as string | undefined) ?? this.resumeToken;
          this.nextResumeToken = undefined;
          if (ack.state === 'active') this.assigned = true;
          this.resumedAt.push(Date.now());
          break;
        }
        // unavailable or a connection lost again: try again (the next gateway first)
        this.socket?.removeAllListeners('disconnect');
        this.socket?.close();
        start = this.next + 1;
        await new Promise((r) => setTimeout(r, 50));
      }
      this.reconnecting = undefined;
    })();
    return this.reconnecting;
  }

  close(): void {
    this.closed = true;
    this.socket?.removeAllListeners('disconnect');
    this.socket?.close();
  }
}

function open(base: string): Promise<Socket> {
  const socket = io(`${base}/chat`, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 2000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => { socket.close(); reject(err); });
  });
}
