import { h, uid } from '../dom';
import type { Lang } from '../i18n';
import { request } from '../services';
import { staff, t as copy } from '../store';
import type { CannedReply, Message } from '../wire';

export interface ComposeHooks {
  sent(m: Message & { pending: true }): void;
  confirmed(clientId: string, id: string, sentAt: string): void;
  failed(clientId: string): void;
  hasCounsellorMessage(): boolean;
}

/** A clientId for idempotent sending; randomUUID needs a secure context, getRandomValues does not. */
function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Writing in one chat: the draft (kept across re-renders and a new sign-in), quick replies
 * that go into the box for editing, typing notices, and sending with a pending mark until
 * the server confirms. A message that fails goes back into the box.
 */
export class ComposeBox {
  private draft = '';
  private error = '';
  private textarea?: HTMLTextAreaElement;
  private errorEl?: HTMLElement;
  private openerEl?: HTMLElement;
  private typingSent = false;
  private typingTimer?: number;

  constructor(private readonly sessionId: string, private readonly language: Lang, private readonly hooks: ComposeHooks) {}

  render(replies: CannedReply[]): HTMLElement {
    const t = copy.value;
    const hadFocus = this.textarea !== undefined && document.activeElement === this.textarea;
    const selection = hadFocus ? [this.textarea!.selectionStart, this.textarea!.selectionEnd] : undefined;
    const hintId = uid('hint');
    const textarea = h('textarea', { id: uid('msg'), 'data-qa': 'message-input', rows: '3', maxlength: '4000', 'aria-describedby': hintId,
      oninput: () => { this.draft = textarea.value; this.typing(); },
      onkeydown: (e: Event) => {
        const key = e as KeyboardEvent;
        if (key.key === 'Enter' && !key.shiftKey && !key.isComposing) {
          e.preventDefault();
          void this.send();
        }
      } });
    textarea.value = this.draft;
    this.textarea = textarea;
    this.errorEl = h('p', { class: 'error', role: 'alert' }, this.error);
    const opener = replies.find((r) => r.kind === 'opener');
    const others = replies.filter((r) => r.kind !== 'opener');
    const quick = h('details', { class: 'quick-replies' },
      h('summary', {}, t.chat.quickReplies),
      h('p', { class: 'hint' }, t.chat.quickRepliesHint),
      others.length === 0 ? h('p', {}, t.chat.noReplies) : h('ul', {}, ...others.map((r) => h('li', {},
        h('button', { type: 'button', class: 'reply', onclick: (e: Event) => { this.insert(r.text); (e.target as HTMLElement).closest('details')?.removeAttribute('open'); } },
          h('strong', {}, r.title), h('span', {}, r.text))))));
    this.openerEl = opener && !this.hooks.hasCounsellorMessage() ? h('button', { type: 'button', class: 'opener', onclick: () => this.insert(opener.text) }, t.chat.opener) : undefined;
    const form = h('form', { class: 'compose', onsubmit: (e: Event) => { e.preventDefault(); void this.send(); } },
      h('div', { class: 'compose-tools' }, this.openerEl, quick),
      h('label', { for: textarea.id }, t.chat.input),
      h('div', { class: 'compose-row' }, textarea, h('button', { type: 'submit', class: 'primary', 'data-qa': 'send' }, t.chat.send)),
      h('p', { class: 'hint', id: hintId }, t.chat.inputHint),
      this.errorEl);
    if (selection) requestAnimationFrame(() => { textarea.focus(); textarea.setSelectionRange(selection[0], selection[1]); });
    return form;
  }

  focus(): void {
    this.textarea?.focus();
  }

  stop(): void {
    window.clearTimeout(this.typingTimer);
  }

  /** A quick reply goes where the caret is, with the counsellor's name filled in. */
  private insert(text: string): void {
    const area = this.textarea;
    if (!area) return;
    const filled = text.replaceAll('{name}', staff.value?.name ?? '');
    const spacer = area.value && !/\s$/.test(area.value.slice(0, area.selectionStart)) ? ' ' : '';
    area.setRangeText(spacer + filled, area.selectionStart, area.selectionEnd, 'end');
    this.draft = area.value;
    area.focus();
    this.typing();
  }

  private async send(): Promise<void> {
    const text = this.draft.trim();
    if (!text) return;
    const clientId = newClientId();
    this.hooks.sent({ id: clientId, sessionId: this.sessionId, from: 'counsellor', text, sentAt: new Date().toISOString(), pending: true });
    this.draft = '';
    if (this.textarea) this.textarea.value = '';
    this.setError('');
    this.stopTyping();
    const ack = await request('message:send', { sessionId: this.sessionId, clientId, text });
    if (ack.ok) {
      this.openerEl?.remove();
      return this.hooks.confirmed(clientId, String(ack.id), String(ack.sentAt));
    }
    this.hooks.failed(clientId);
    // nothing typed is lost: the text goes back into the box
    if (!this.draft) {
      this.draft = text;
      if (this.textarea) this.textarea.value = text;
    }
    this.setError(ack.error.code === 'unavailable' ? copy.value.app.connection.offline : copy.value.chat.sendFailed);
  }

  private setError(text: string): void {
    this.error = text;
    if (this.errorEl) this.errorEl.textContent = text;
  }

  private typing(): void {
    if (!this.typingSent) {
      this.typingSent = true;
      void request('typing', { sessionId: this.sessionId, isTyping: true }, 3000);
    }
    window.clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(() => this.stopTyping(), 3000);
  }

  private stopTyping(): void {
    window.clearTimeout(this.typingTimer);
    if (!this.typingSent) return;
    this.typingSent = false;
    void request('typing', { sessionId: this.sessionId, isTyping: false }, 3000);
  }
}
