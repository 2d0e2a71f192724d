import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { DeskMessage } from '../chat-state';
import { timeOfDay } from '../format';
import { lang, t } from '../store';

export interface TranscriptProps {
  messages: readonly DeskMessage[];
  /** The chat is the one on screen. */
  visible: boolean;
  /** Counts the desk's draws (it is shown again, the language changed): the chat on screen then shows its newest messages. */
  drawn: number;
}

/**
 * A chat's conversation. It follows the newest message while the counsellor reads there (a
 * new message, the conversation getting narrower when a form opens, the window changing),
 * and leaves them where they are when they have scrolled back — except for their own
 * messages, which always come into view.
 */
export function Transcript({ messages, visible, drawn }: TranscriptProps) {
  const copy = t.value;
  const language = lang.value;
  const log = useRef<HTMLDivElement>(null);
  /** Whether the counsellor is reading the newest messages (not scrolled back). */
  const pinned = useRef(true);
  const count = useRef(messages.length);
  // measured before this draw reaches the page: was the reader near the newest message?
  const el = log.current;
  const near = !el || el.scrollHeight - el.scrollTop - el.clientHeight < 120;

  const scrollDown = () => requestAnimationFrame(() => { if (log.current) log.current.scrollTop = log.current.scrollHeight; });
  useEffect(() => {
    const box = log.current!;
    const onScroll = () => { pinned.current = box.scrollHeight - box.scrollTop - box.clientHeight < 40; };
    box.addEventListener('scroll', onScroll, { passive: true });
    const resized = new ResizeObserver(() => { if (pinned.current) box.scrollTop = box.scrollHeight; });
    resized.observe(box);
    return () => { box.removeEventListener('scroll', onScroll); resized.disconnect(); };
  }, []);
  useLayoutEffect(() => { if (visible) scrollDown(); }, [visible, drawn]);
  useLayoutEffect(() => {
    // messages are only ever added at the end (a confirmation or a failed send adds none)
    const added = messages.slice(count.current);
    count.current = messages.length;
    if (added.length > 0 && (near || added.some((m) => m.from === 'counsellor'))) scrollDown();
  });

  return (
    <div class="transcript" role="log" tabIndex={0} aria-label={copy.chat.transcript} ref={log}>
      <ol class="messages">
        {messages.map((m) => (
          <li key={m.id} class={`msg from-${m.from}${m.pending ? ' pending' : ''}`} data-qa="message" data-from={m.from} data-id={m.id}>
            <p class="meta"><span class="who">{copy.chat.from[m.from]}</span>{' '}<time dateTime={m.sentAt}>{timeOfDay(m.sentAt, language)}</time></p>
            <p class="text">{m.text}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
