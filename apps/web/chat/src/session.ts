import type { Triage as SentTriage } from '../../../../libs/contract/src/browser';
import { connect, request, type Ack, type AnswerTo, type ChatSocket } from './connection';
import type { Lang } from './i18n';
import { Outbox, type Pending } from './outbox';
import { loadSession, newResumeToken, saveSession, storage, type Saved } from './storage';
import type { Msg } from './views/chat';
import type { Triage } from './views/intro';

export type EndedBy = 'survivor' | 'counsellor' | 'timeout' | 'system' | 'gone';

export interface SessionEvents {
  connection(online: boolean): void;
  waiting(position: number, estimate: number | null, onDuty: boolean): void;
  assigned(counsellor: string): void;
  /** Handed on to another counsellor or line: waiting again, with the transcript. */
  transferred(): void;
  history(messages: Msg[]): void;
  message(m: Msg): void;
  pending(items: readonly Pending[]): void;
  confirmed(clientId: string, id: string, sentAt?: string): void;
  typing(on: boolean): void;
  ended(by: EndedBy): void;
  moved(): void;
  failed(code: string): void;
}

/**
 * One survivor chat over the `/chat` socket: start or resume, send through the outbox, typing,
 * end. The resume token stays in sessionStorage only; on every (re)connection the session is
 * resumed and unsent messages are sent again with their own clientId. Every resume moves the
 * chat to a new token (the old one stops working), so resumes go one at a time and the token
 * asked for is stored before the request leaves (see `claim`).
 */
export class ChatSession {
  private socket?: ChatSocket;
  private saved?: Saved;
  private closed = false;
  private flushing = false;
  private retry?: number;
  private typingTimer?: number;
  private active = false;
  /**
   * Counts the counsellor changes told by events (assigned, transferred). A resume answer
   * read on the server before the latest of them is older news: its state is not applied.
   */
  private changes = 0;
  /** The resume in flight, if any: the next one waits for it and uses the token it leaves. */
  private resuming: Promise<void> = Promise.resolve();
  readonly outbox = new Outbox();

  constructor(private readonly on: SessionEvents) {
    this.saved = loadSession();
  }

  get resumable(): Saved | undefined {
    return this.saved;
  }

  /** Reconnects to a chat this tab already had (after a reload). */
  resume(): void {
    if (this.saved) this.ensureSocket();
  }

  async start(lang: Lang, triage: Triage): Promise<Ack> {
    const socket = this.ensureSocket();
    if (!socket.connected) {
      const connected = await new Promise<boolean>((resolve) => {
        const timer = window.setTimeout(() => resolve(false), 10_000);
        socket.once('connect', () => { window.clearTimeout(timer); resolve(true); });
      });
      if (!connected) return { ok: false, error: { code: 'unavailable', message: 'no connection' } };
    }
    const ack = await request(socket, 'session:start', { language: lang, triage: compact(triage) });
    if (!ack.ok) return ack;
    this.saved = { token: String(ack.resumeToken), lang, danger: triage.immediateDanger === true };
    saveSession(this.saved);
    const estimate = typeof ack.estimatedWaitSeconds === 'number' ? ack.estimatedWaitSeconds : null;
    // the server put this connection in the chat's room before routing it, so an offer
    // accepted at once arrives as session:assigned (perhaps before this answer)
    if (!this.active) this.on.waiting(Number(ack.position) || 1, estimate, typeof ack.onDuty === 'boolean' ? ack.onDuty : estimate !== null);
    return ack;
  }

  send(text: string): void {
    this.outbox.add(text);
    this.on.pending(this.outbox.list());
    this.stopTyping();
    void this.flush();
  }

  /** Tells the counsellor the survivor is typing; stops by itself after 3 s of quiet. */
  typing(): void {
    if (!this.socket?.connected || !this.active) return;
    if (this.typingTimer === undefined) void request(this.socket, 'typing', { isTyping: true }, 3000);
    window.clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(() => this.stopTyping(), 3000);
  }

  async end(): Promise<void> {
    if (this.socket?.connected) await request(this.socket, 'session:end', {}, 3000);
    this.finish('survivor');
  }

  /** Quick exit: tell the server at once (the page is already blank); resolves when it answered. */
  quickExit(): Promise<unknown> | undefined {
    this.closed = true;
    if (!this.socket?.connected || !this.saved) return undefined;
    return request(this.socket, 'session:end', { reason: 'quick-exit' }, 300);
  }

  private ensureSocket(): ChatSocket {
    if (this.socket) return this.socket;
    const socket = connect();
    this.socket = socket;
    socket.on('connect', () => {
      this.on.connection(true);
      void this.resumeOnServer().then(() => this.flush());
    });
    socket.on('disconnect', () => { if (!this.closed) this.on.connection(false); });
    socket.on('connect_error', () => {
      // refused by the server itself (too many chats from this address): socket.io leaves that
      // to us; a refused handshake or a network error it retries by itself (socket.active)
      if (socket.active || this.closed) return;
      window.setTimeout(() => { if (!this.closed && !socket.connected && !socket.active) socket.connect(); }, 5000);
    });
    socket.on('queue:position', (p: { position: number; estimatedWaitSeconds: number | null }) => {
      if (!this.active) this.on.waiting(p.position, p.estimatedWaitSeconds ?? null, p.estimatedWaitSeconds !== null);
    });
    socket.on('session:assigned', (p: { counsellorName: string }) => {
      this.changes += 1;
      this.assigned(p.counsellorName);
    });
    socket.on('session:transferred', () => {
      this.changes += 1;
      this.handedOn();
      // a place in the line told just before this event was not for a waiting page: ask for it
      void this.resumeOnServer();
    });
    socket.on('message', (m: Msg) => this.on.message(m));
    socket.on('typing', (t: { isTyping: boolean }) => this.on.typing(Boolean(t.isTyping)));
    socket.on('session:ended', (e: { by: EndedBy; reason?: string }) => {
      if (e.reason === 'resumed-elsewhere') {
        this.closed = true;
        socket.disconnect();
        this.on.moved();
        return;
      }
      this.finish(e.by);
    });
    return socket;
  }

  private assigned(name: string): void {
    this.active = true;
    if (this.saved) {
      this.saved = { ...this.saved, counsellor: name };
      saveSession(this.saved);
    }
    this.on.assigned(name);
  }

  /** Back in a line (or offered to a colleague) after a transfer. */
  private handedOn(): void {
    this.active = false;
    window.clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    if (this.saved) {
      this.saved = { ...this.saved, counsellor: undefined };
      saveSession(this.saved);
    }
    this.on.transferred();
  }

  /**
   * Resumes one at a time. Two at once from this page (a reconnection while a transfer asks
   * again, or a message's not_found) would both send the same token; the loser would hear
   * not_found and close a chat that is alive.
   */
  private resumeOnServer(): Promise<void> {
    const run = this.resuming.then(() => this.resumeOnce());
    this.resuming = run.catch(() => undefined);
    return run;
  }

  private async resumeOnce(): Promise<void> {
    if (!this.saved || !this.socket || this.closed) return;
    const changes = this.changes;
    const ack = await this.claim();
    if (!this.saved || this.closed) return;
    if (!ack.ok) {
      if (ack.error.code === 'not_found' || ack.error.code === 'invalid_input') this.finish('gone');
      // conflict: the proposed token is taken (it never happens by chance); the next resume proposes another
      if (ack.error.code === 'conflict') this.store({ ...this.saved, next: undefined });
      return;
    }
    if (ack.state === 'ended') return this.finish('gone');
    if (changes !== this.changes) {
      // a counsellor took (or handed on) the chat while this answer was on its way: the event is newer
    } else if (ack.state === 'active') {
      this.assigned(typeof ack.counsellorName === 'string' ? ack.counsellorName : this.saved.counsellor ?? '');
    } else {
      // handed on while this page was away (the event was missed)
      if (this.active) this.handedOn();
      const estimate = typeof ack.estimatedWaitSeconds === 'number' ? ack.estimatedWaitSeconds : null;
      this.on.waiting(Number(ack.position) || 1, estimate, estimate !== null);
    }
    this.on.history(Array.isArray(ack.messages) ? (ack.messages as Msg[]) : []);
    this.on.pending(this.outbox.list());
  }

  /**
   * Takes the session with the stored token and moves it to `next`, which is stored before the
   * request leaves. If the answer is lost (the page reloads, the connection drops) the server
   * may already have moved it: the old token is then not_found and `next` is the live one, so
   * it is tried once before the chat counts as gone. A page never locks itself out this way.
   */
  private async claim(): Promise<AnswerTo<'session:resume'>> {
    let ack = await this.askResume();
    if (!ack.ok && ack.error.code === 'not_found' && this.saved?.next) {
      this.store({ ...this.saved, token: this.saved.next, next: undefined });
      ack = await this.askResume();
    }
    if (ack.ok && this.saved && typeof ack.resumeToken === 'string') this.store({ ...this.saved, token: ack.resumeToken, next: undefined });
    return ack;
  }

  private askResume(): Promise<AnswerTo<'session:resume'>> {
    if (!this.saved || !this.socket) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'no session' } });
    // the same proposal for the same token until it is answered: a retry must not orphan the one the server may hold
    if (!this.saved.next) this.store({ ...this.saved, next: newResumeToken() });
    return request(this.socket, 'session:resume', { resumeToken: this.saved.token, nextResumeToken: this.saved.next });
  }

  private store(saved: Saved): void {
    this.saved = saved;
    saveSession(saved);
  }

  private async flush(): Promise<void> {
    const socket = this.socket;
    if (this.flushing || !socket?.connected || !this.saved || this.closed) return;
    this.flushing = true;
    let again = false;
    try {
      for (const item of [...this.outbox.list()]) {
        const ack = await request(socket, 'message:send', { clientId: item.clientId, text: item.text });
        if (ack.ok) {
          this.outbox.remove(item.clientId);
          this.on.confirmed(item.clientId, String(ack.id), typeof ack.sentAt === 'string' ? ack.sentAt : undefined);
          continue;
        }
        if (['unavailable', 'rate_limited', 'not_found'].includes(ack.error.code)) {
          // keep it; try again shortly (not_found: this connection lost its session, resume first)
          if (ack.error.code === 'not_found') await this.resumeOnServer();
          again = true;
          break;
        }
        this.outbox.remove(item.clientId);
        this.on.pending(this.outbox.list());
        this.on.failed(ack.error.code);
      }
    } finally {
      this.flushing = false;
    }
    if (again && !this.closed) {
      window.clearTimeout(this.retry);
      this.retry = window.setTimeout(() => void this.flush(), 2500);
    }
  }

  private stopTyping(): void {
    if (this.typingTimer === undefined) return;
    window.clearTimeout(this.typingTimer);
    this.typingTimer = undefined;
    if (this.socket?.connected && this.active) void request(this.socket, 'typing', { isTyping: false }, 3000);
  }

  private finish(by: EndedBy): void {
    if (this.closed && by !== 'survivor') return;
    this.closed = true;
    window.clearTimeout(this.retry);
    window.clearTimeout(this.typingTimer);
    this.saved = undefined;
    this.outbox.clear();
    storage.clear();
    this.socket?.disconnect();
    this.on.ended(by);
  }
}

function compact(t: Triage): SentTriage {
  return { immediateDanger: t.immediateDanger === true, ...(t.forWhom ? { forWhom: t.forWhom } : {}), ...(t.ageGroup ? { ageGroup: t.ageGroup } : {}) };
}
