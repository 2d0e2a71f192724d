import { flagged, needsForm } from '../chat-state';
import { deskChats, deskOffers, presence, selectedChat, t, type DeskChat } from '../store';

/**
 * The counsellor's chats, one tab each, with what needs them: unread messages, the closing
 * form still to fill in, a risk. Keyed by chat, so a keyboard on a tab stays on it.
 */
export function ChatList({ select }: { select(sessionId: string): void }) {
  const current = selectedChat.value;
  return <ul>{deskChats.value.map((entry) => <ChatTab key={entry.sessionId} entry={entry} current={entry.sessionId === current} select={select} />)}</ul>;
}

/** One chat's tab: it reads that chat's own signal, so a message in another chat leaves it alone. */
function ChatTab({ entry, current, select }: { entry: DeskChat; current: boolean; select(sessionId: string): void }) {
  const copy = t.value;
  const chat = entry.chat.value;
  return (
    <li>
      <button type="button" class={`chat-tab${needsForm(chat) ? ' needs-form' : ''}${flagged(chat) ? ' flagged' : ''}`}
        aria-current={current ? 'true' : undefined} onClick={() => select(entry.sessionId)}>
        <span>{copy.chat.tab(chat.number, copy.langName[chat.language])}</span>
        {needsForm(chat) && <span class="tag">{copy.chat.formNeeded}</span>}
        {chat.unread > 0 && <span class="badge" aria-label={copy.chat.unread(chat.unread)}>{String(chat.unread)}</span>}
      </button>
    </li>
  );
}

/** What to expect while the desk is empty (it depends on my status). */
export function DeskStatus() {
  const status = presence.value;
  if (deskChats.value.length > 0 || deskOffers.value.length > 0) return null;
  return <p class={`empty is-${status}`}>{t.value.chat.empty[status]}</p>;
}
