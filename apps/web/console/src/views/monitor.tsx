import { useEffect, useRef } from 'preact/hooks';
import { focusHeading, useUid } from '../dom';
import { timeOfDay } from '../format';
import { followedAt, type MonitorFeed } from '../monitor-feed';
import { followed, lang, t } from '../store';

/** The live chat the duty manager follows, read only: its transcript as it arrives. */
export function MonitorPanel({ monitor }: { monitor: MonitorFeed }) {
  const f = followed.value;
  const copy = t.value;
  const titleId = useUid('title');
  const heading = useRef<HTMLHeadingElement>(null);
  const log = useRef<HTMLDivElement>(null);
  // a follow that succeeded takes the keyboard to the transcript's heading (not a board shown again)
  const follows = followedAt.value;
  const shownFollows = useRef(follows);
  useEffect(() => {
    if (follows === shownFollows.current) return;
    shownFollows.current = follows;
    focusHeading(heading.current);
  }, [follows]);
  // the newest message in view
  useEffect(() => {
    const el = log.current;
    if (el) requestAnimationFrame(() => { el.scrollTop = el.scrollHeight; });
  }, [f?.sessionId, f?.messages.length, f?.ended]);
  if (!f) return <section class="monitor" hidden />;
  const place = `${copy.langName[f.language]}${f.counsellorName ? `, ${f.counsellorName}` : ''}`;
  return (
    <section class="monitor" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading}>{copy.board.monitorTitle(place)}</h2>
      <p class="tip">{copy.board.monitorNote}</p>
      {f.ended && <p class="banner ended">{copy.board.monitorEnded}</p>}
      <div class="transcript" role="log" tabIndex={0} aria-label={copy.chat.transcript} ref={log}>
        <ol class="messages">
          {f.messages.map((m) => (
            <li key={m.id} class={`msg from-${m.from}`} data-qa="monitor-message" data-from={m.from}>
              <p class="meta">
                <span class="who">{m.from === 'counsellor' ? f.counsellorName ?? copy.chat.from.counsellor : copy.chat.from[m.from]}</span>{' '}
                <time dateTime={m.sentAt}>{timeOfDay(m.sentAt, lang.value)}</time>
              </p>
              <p class="text">{m.text}</p>
            </li>
          ))}
        </ol>
      </div>
      <button type="button" class="secondary" onClick={() => void monitor.stop()}>{copy.board.stopFollowing}</button>
    </section>
  );
}
