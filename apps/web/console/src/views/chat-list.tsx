import { deskChats, deskOffers, presence, selectedChat, t } from '../store';

/**
 * The counsellor's chats, one tab each, with what needs them: unread messages, the closing
 * form still to fill in, a risk. Keyed by chat, so a keyboard on a tab stays on it.
 */
export function ChatList({ select }: { select(sessionId: string): void }) {
  const copy = t.value;
  const current = selectedChat.value;
  return (
    <ul>
      {deskChats.value.map((chat) => (
        <li key={chat.sessionId}>
          <button type="button" class={`chat-tab${chat.needsForm ? ' needs-form' : ''}${chat.flagged ? ' flagged' : ''}`}
            aria-current={chat.sessionId === current ? 'true' : undefined} onClick={() => select(chat.sessionId)}>
            <span>{copy.chat.tab(chat.number, copy.langName[chat.language])}</span>
            {chat.needsForm && <span class="tag">{copy.chat.formNeeded}</span>}
            {chat.unread > 0 && <span class="badge" aria-label={copy.chat.unread(chat.unread)}>{String(chat.unread)}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** What to expect while the desk is empty (it depends on my status). */
export function DeskStatus() {
  const status = presence.value;
  if (deskChats.value.length > 0 || deskOffers.value.length > 0) return null;
  return <p class={`empty is-${status}`}>{t.value.chat.empty[status]}</p>;
}
