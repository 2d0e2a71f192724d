import { Injectable } from '@nestjs/common';
import { CHAT_OUT, conflict, STAFF_OUT, type WireMessage } from '@prystan/contract';
import { Keyring, SEALED_FIELDS } from '@prystan/crypto';
import { PrystanMetrics } from '@prystan/metrics';
import { MessageRepository, type InsertResult } from '@prystan/persistence';
import { Notifier } from '@prystan/platform';

export type Sender = 'survivor' | 'counsellor' | 'system';

/** Messages of one session: sealed on the way in, opened on the way out, never logged. */
@Injectable()
export class ConversationService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly keyring: Keyring,
    private readonly notifier: Notifier,
    private readonly metrics: PrystanMetrics,
  ) {}

  async append(input: { sessionId: string; sender: Sender; staffId?: string; clientId?: string; text: string; states: string[] }): Promise<InsertResult & { message?: WireMessage }> {
    const text = input.text.trim();
    const result = await this.messages.insert({ ...input, body: this.keyring.sealField(SEALED_FIELDS.message(input.sessionId), text) });
    if (result.kind !== 'inserted') return result;
    this.metrics.messages.inc({ from: input.sender });
    return { ...result, message: { id: result.id, sessionId: input.sessionId, from: input.sender, text, sentAt: result.sentAt.toISOString() } };
  }

  async appendOrConflict(input: Parameters<ConversationService['append']>[0]): Promise<InsertResult & { message?: WireMessage }> {
    const result = await this.append(input);
    if (result.kind === 'refused') throw conflict('this chat is no longer open');
    return result;
  }

  /**
   * A note from the service (an inactivity prompt, a hand-over) stored in the transcript and
   * shown at once to both sides: the survivor and the staff following the chat. Nothing is
   * stored or sent when the session is no longer in one of `states`.
   */
  async postSystemNote(sessionId: string, text: string, states: string[]): Promise<WireMessage | undefined> {
    const note = await this.append({ sessionId, sender: 'system', text, states });
    if (note.message) {
      this.notifier.survivor(sessionId, CHAT_OUT.message, note.message);
      this.notifier.sessionStaff(sessionId, STAFF_OUT.message, note.message);
    }
    return note.message;
  }

  async history(sessionId: string): Promise<WireMessage[]> {
    const rows = await this.messages.listForSession(sessionId);
    return rows.map((m) => ({ id: m.id, sessionId: m.sessionId, from: m.sender, text: this.keyring.openField(SEALED_FIELDS.message(sessionId), m.body), sentAt: m.sentAt.toISOString() }));
  }
}
