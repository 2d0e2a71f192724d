import { effect, signal } from '@preact/signals';
import type { Listen } from './screens';
import { announce } from './dom';
import { request } from './services';
import { followed, liveSessions, notify, t, type Followed } from './store';
import type { LiveSession } from './wire';

/** Counts the follows that succeeded: the monitor panel moves the focus to its heading on each. */
export const followedAt = signal(0);

/**
 * Following one live chat, read only, for the duty manager: what the server sends for it goes
 * into the store. Every start is recorded in the audit log by the server.
 */
export class MonitorFeed {
  constructor() {
    effect(() => this.sync(liveSessions.value.rows));
  }

  listen(on: Listen): void {
    on('message', (m) => {
      const f = followed.value;
      if (m.sessionId !== f?.sessionId || f.messages.some((x) => x.id === m.id)) return;
      followed.value = { ...f, messages: [...f.messages, m] };
    });
    on('session:ended', (p) => {
      const f = followed.value;
      if (p.sessionId !== f?.sessionId) return;
      followed.value = { ...f, ended: true };
      announce(t.value.board.monitorEnded);
    });
  }

  async follow(s: LiveSession): Promise<void> {
    const before = followed.value;
    if (before && before.sessionId !== s.sessionId) await this.stop();
    // followed from the moment of asking: what the room sends before the answer is kept
    followed.value = { sessionId: s.sessionId, language: s.language, counsellorName: s.counsellorName ?? null, messages: [], ended: false };
    if (await this.load(followed.value)) followedAt.value++;
  }

  /** After a reconnection the new socket is in no chat's room: follow the same chat again (audited again). */
  async resume(): Promise<void> {
    const f = followed.value;
    if (f && !f.ended) await this.load(f);
  }

  async stop(): Promise<void> {
    const f = followed.value;
    followed.value = undefined;
    if (f && !f.ended) await request('session:unmonitor', { sessionId: f.sessionId });
  }

  /** A followed chat moved to another line or counsellor (seen in each new list of live chats): the title says so. */
  private sync(rows: LiveSession[]): void {
    const f = followed.peek();
    const row = f && rows.find((r) => r.sessionId === f.sessionId);
    if (!f || !row || (row.language === f.language && (row.counsellorName ?? null) === f.counsellorName)) return;
    followed.value = { ...f, language: row.language, counsellorName: row.counsellorName ?? null };
  }

  /** Asks the server for the chat and merges its transcript with what already arrived; false if it is gone. */
  private async load(asked: Followed): Promise<boolean> {
    const ack = await request('session:monitor', { sessionId: asked.sessionId });
    const f = followed.value;
    // stopped, or another chat followed, while waiting
    if (f?.sessionId !== asked.sessionId) return false;
    if (!ack.ok) {
      // no answer on a re-follow: keep what is shown; the next reconnection asks again
      if (ack.error.code === 'unavailable' && f.messages.length > 0) return false;
      if (ack.error.code === 'not_found' && f.messages.length > 0) {
        // it ended while this page was away: keep what was read, say it is over
        followed.value = { ...f, ended: true };
        return false;
      }
      followed.value = undefined;
      notify('monitor', ack.error.message, 'error');
      return false;
    }
    const session = ack.session as Omit<Followed, 'ended'>;
    const known = new Set(f.messages.map((m) => m.id));
    const messages = [...f.messages, ...session.messages.filter((m) => !known.has(m.id))].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
    followed.value = { ...f, messages, language: session.language, counsellorName: session.counsellorName };
    return true;
  }
}
