import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatState } from '../chat-state';
import type { DeskFeed } from '../desk-feed';
import { confirmed, failed, phoneRecorded, receive, setMode } from '../desk-chats';
import { useUid } from '../dom';
import { deskFocus, selectedChat, t, type ChatMode, type DeskChat } from '../store';
import { ChatBanners, ChatMeta, ChatTitle } from './chat-head';
import { CloseForm } from './close-form';
import { Compose } from './compose';
import { EscalationForm } from './escalation-form';
import { EscalationList } from './escalation-list';
import { TransferForm } from './transfer-form';
import { Transcript } from './transcript';

export interface ChatPaneProps {
  entry: DeskChat;
  desk: DeskFeed;
  /** Counts the desk's draws (see Transcript). */
  drawn: number;
}

/**
 * One chat: header with triage and banners, the transcript with the compose box under it,
 * and beside them (below them on a narrow screen) one of the forms — close, transfer,
 * escalate — so the counsellor can keep writing to the person while filling it in. Every
 * chat's pane stays drawn while the counsellor looks at another (hidden), so a draft, an
 * open form and what is typed in it wait for them; each is drawn again only when its own
 * chat changes, and keeps the focus and the caret where they are.
 */
export function ChatPane({ entry, desk, drawn }: ChatPaneProps) {
  const chat = entry.chat.value;
  const id = chat.sessionId;
  const visible = selectedChat.value === id;
  const headingId = useUid('chat');
  const pane = useRef<HTMLElement>(null);
  const focus = deskFocus.value;
  useLayoutEffect(() => {
    if (focus?.sessionId !== id || !pane.current) return;
    deskFocus.value = undefined;
    focusInside(pane.current, chat, focus.escalationId);
  }, [focus]);
  const form = sideForm(chat, desk);
  const mode = (next: ChatMode) => setMode(id, next);
  return (
    <section ref={pane} class={`pane${form ? ' has-form' : ''}`} aria-labelledby={headingId} hidden={!visible}>
      <header class="pane-head"><ChatTitle chat={chat} headingId={headingId} /></header>
      <div class="banners"><ChatBanners chat={chat} /></div>
      <div class="pane-meta"><ChatMeta chat={chat} setMode={mode} /></div>
      <div class="pane-body">
        <div class="pane-main">
          <Transcript messages={chat.messages} visible={visible} drawn={drawn} />
          <p class="typing">{chat.typing && chat.state === 'active' ? t.value.chat.typing : null}</p>
          <div class="escalations"><EscalationList raised={chat.escalations} recorded={(eid, result, status) => phoneRecorded(id, eid, result, status)} /></div>
          <div class="pane-bottom"><Bottom chat={chat} /></div>
        </div>
        <div class="pane-side" hidden={!form}>{form}</div>
      </div>
    </section>
  );
}

/** Under the conversation: the compose box while the chat is on (its draft and caret kept), else the way to the closing form. */
function Bottom({ chat }: { chat: ChatState }) {
  const id = chat.sessionId;
  if (chat.state === 'active') {
    return (
      <Compose sessionId={id} language={chat.language} sent={(m) => receive(m)} confirmed={(clientId, serverId, sentAt) => confirmed(id, clientId, serverId, sentAt)}
        failed={(clientId) => failed(id, clientId)} hasCounsellorMessage={() => chat.messages.some((m) => m.from === 'counsellor')} />
    );
  }
  if (chat.mode === 'close') return null;
  return <p class="ended-prompt"><button type="button" class="primary" onClick={() => setMode(id, 'close')}>{t.value.close.title}</button></p>;
}

/** Beside the conversation: the open form (drawn again with the chat's state, it keeps what was typed and chosen). */
function sideForm(chat: ChatState, desk: DeskFeed) {
  const id = chat.sessionId;
  const back = () => setMode(id, 'chat');
  if (chat.mode === 'close') return <CloseForm ended={chat.state === 'ended'} back={chat.state === 'active' ? back : undefined} submit={(values) => desk.close(id, values)} />;
  if (chat.mode === 'transfer') return <TransferForm language={chat.language} back={back} submit={(target) => desk.transfer(id, target)} />;
  if (chat.mode === 'escalate') return <EscalationForm language={chat.language} back={back} submit={(body, chosen) => desk.escalate(id, body, chosen)} />;
  return null;
}

/**
 * The keyboard goes into the chat: its message box while it is on and no form is open, else
 * the open form's first field, else the next step under the conversation; then, for an
 * escalation just raised, its first button (a phone one asks for the call's result).
 */
function focusInside(pane: HTMLElement, chat: ChatState, escalationId?: string): void {
  const side = pane.querySelector('.pane-side');
  const bottom = pane.querySelector('.pane-bottom');
  if (chat.mode === 'chat' && chat.state === 'active') bottom?.querySelector<HTMLElement>('[data-qa="message-input"]')?.focus();
  else (side?.querySelector<HTMLElement>('select, button, textarea, input') ?? bottom?.querySelector<HTMLElement>('button'))?.focus();
  if (escalationId) pane.querySelector<HTMLElement>(`.escalations [data-id="${escalationId}"] button`)?.focus();
}
