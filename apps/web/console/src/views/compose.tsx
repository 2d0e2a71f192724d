import { useEffect, useRef, useState } from 'preact/hooks';
import { useUid } from '../dom';
import type { Lang } from '../i18n';
import { request } from '../services';
import { cannedFor, staff, t } from '../store';
import type { Message } from '../wire';

export interface ComposeProps {
  sessionId: string;
  /** The chat's language: its quick replies are offered. */
  language: Lang;
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
 * Writing in one chat: the draft (kept while the chat is open, also through a new sign-in),
 * quick replies that go into the box for editing, typing notices, and sending with a pending
 * mark until the server confirms. A message that fails goes back into the box.
 */
export function Compose({ sessionId, language, sent, confirmed, failed, hasCounsellorMessage }: ComposeProps) {
  const copy = t.value;
  const replies = cannedFor(language);
  const inputId = useUid('msg');
  const hintId = useUid('hint');
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  /** The latest draft, for the answer to a send (which comes after renders). */
  const latest = useRef('');
  latest.current = draft;
  const typing = useRef<{ sent: boolean; timer?: number }>({ sent: false });

  const stopTyping = () => {
    window.clearTimeout(typing.current.timer);
    if (!typing.current.sent) return;
    typing.current.sent = false;
    void request('typing', { sessionId, isTyping: false }, 3000);
  };
  const startTyping = () => {
    if (!typing.current.sent) {
      typing.current.sent = true;
      void request('typing', { sessionId, isTyping: true }, 3000);
    }
    window.clearTimeout(typing.current.timer);
    typing.current.timer = window.setTimeout(stopTyping, 3000);
  };
  useEffect(() => () => window.clearTimeout(typing.current.timer), []);

  const edit = (text: string) => {
    latest.current = text;
    setDraft(text);
  };

  /** A quick reply goes where the caret is, with the counsellor's name filled in. */
  const insert = (text: string) => {
    const el = area.current;
    if (!el) return;
    const filled = text.replaceAll('{name}', staff.value?.name ?? '');
    const spacer = el.value && !/\s$/.test(el.value.slice(0, el.selectionStart)) ? ' ' : '';
    el.setRangeText(spacer + filled, el.selectionStart, el.selectionEnd, 'end');
    edit(el.value);
    el.focus();
    startTyping();
  };

  const send = async () => {
    const text = latest.current.trim();
    if (!text) return;
    const clientId = newClientId();
    sent({ id: clientId, sessionId, from: 'counsellor', text, sentAt: new Date().toISOString(), pending: true });
    edit('');
    setError('');
    stopTyping();
    const ack = await request('message:send', { sessionId, clientId, text });
    if (ack.ok) return confirmed(clientId, String(ack.id), String(ack.sentAt));
    failed(clientId);
    // nothing typed is lost: the text goes back into the box
    if (!latest.current) edit(text);
    setError(ack.error.code === 'unavailable' ? t.value.app.connection.offline : t.value.chat.sendFailed);
  };

  const opener = replies.find((r) => r.kind === 'opener');
  const others = replies.filter((r) => r.kind !== 'opener');
  return (
    <form class="compose" onSubmit={(e) => { e.preventDefault(); void send(); }}>
      <div class="compose-tools">
        {opener && !hasCounsellorMessage() && <button type="button" class="opener" onClick={() => insert(opener.text)}>{copy.chat.opener}</button>}
        <details class="quick-replies">
          <summary>{copy.chat.quickReplies}</summary>
          <p class="hint">{copy.chat.quickRepliesHint}</p>
          {others.length === 0 ? <p>{copy.chat.noReplies}</p> : (
            <ul>
              {others.map((r) => (
                <li key={r.id}>
                  <button type="button" class="reply" onClick={(e) => { insert(r.text); e.currentTarget.closest('details')?.removeAttribute('open'); }}>
                    <strong>{r.title}</strong><span>{r.text}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </details>
      </div>
      <label for={inputId}>{copy.chat.input}</label>
      <div class="compose-row">
        <textarea ref={area} id={inputId} data-qa="message-input" rows={3} maxLength={4000} aria-describedby={hintId} value={draft}
          onInput={(e) => { edit(e.currentTarget.value); startTyping(); }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              void send();
            }
          }} />
        <button type="submit" class="primary" data-qa="send">{copy.chat.send}</button>
      </div>
      <p class="hint" id={hintId}>{copy.chat.inputHint}</p>
      <p class="error" role="alert">{error}</p>
    </form>
  );
}
