import { useEffect, useRef } from 'preact/hooks';
import type { View } from '../screens';
import type { BoardFeed } from '../board-feed';
import { clock, timeOfDay } from '../format';
import { LANGS, type Lang } from '../i18n';
import { componentView } from '../mount';
import type { MonitorFeed } from '../monitor-feed';
import { alertThreshold, boardAlerts, lang, now, queue, t } from '../store';
import type { QueueStatus } from '../wire';
import { LiveSessions } from './live-sessions';
import { MonitorPanel } from './monitor';
import { OnDutyTables } from './on-duty';
import { WaitsPanel } from './waits-chart';
import { useUid } from '../dom';

type Figure = 'waiting' | 'priorityWaiting' | 'longestWaitSeconds' | 'counsellorsAvailable' | 'counsellorsBusy' | 'activeSessions';

/** A wait this long (seconds) turns a line amber, and this long red. */
const SLOW_WAIT = 120;
const LONG_WAIT = 300;

/**
 * The duty managers' board: each line's numbers live from `queue:status` (the longest wait
 * ticks here between updates), alerts, live chats to follow or reassign, who is on duty,
 * escalations and today's waits. Everything it shows is in the store; the feeds keep it fresh.
 */
export function boardView(feed: BoardFeed, monitor: MonitorFeed): View {
  return componentView('board', () => <Board feed={feed} monitor={monitor} />);
}

function Board({ feed, monitor }: { feed: BoardFeed; monitor: MonitorFeed }) {
  const b = t.value.board;
  const q = queue.value;
  return (
    <>
      <div class="board-head"><h1>{b.title}</h1><p class="tip">{q ? b.updated(timeOfDay(q.status.at, lang.value)) : ''}</p></div>
      <div class="lines">{q && LANGS.map((l) => <Line key={l} language={l} status={q.status} at={q.at} />)}</div>
      <Alerts feed={feed} />
      <MonitorPanel monitor={monitor} />
      <LiveSessions monitor={monitor} />
      <OnDutyTables />
      <WaitsPanel />
    </>
  );
}

/** How long the longest of a line's waits is by now (it ticks between updates). */
function longest(status: QueueStatus, at: number, language: Lang): number {
  const line = status.languages[language];
  return line.waiting === 0 ? 0 : line.longestWaitSeconds + (Date.now() - at) / 1000;
}

/**
 * One line's numbers. Colour means something here, and never alone: red for a priority chat
 * waiting or a wait over 5 minutes, amber for people waiting with nobody free or a wait over
 * 2 minutes — each with its reason in words. A zero is drawn quietly.
 */
function Line({ language, status, at }: { language: Lang; status: QueueStatus; at: number }) {
  now.value; // ticks every second: the longest wait counts up, and its colour follows
  const copy = t.value;
  const b = copy.board;
  const titleId = useUid('title');
  const line = status.languages[language];
  const waited = longest(status, at, language);
  const danger = [line.priorityWaiting > 0 && b.priorityReason(line.priorityWaiting), line.waiting > 0 && waited >= LONG_WAIT && b.longWaitReason].filter((x): x is string => !!x);
  const warn = [line.waiting > 0 && line.counsellorsAvailable === 0 && b.nobodyFreeReason, line.waiting > 0 && waited >= SLOW_WAIT && waited < LONG_WAIT && b.slowWaitReason].filter((x): x is string => !!x);
  const level = danger.length > 0 ? 'danger' : warn.length > 0 ? 'warn' : 'calm';
  const reasons = [...danger, ...warn];
  const names: [Figure, string][] = [
    ['waiting', b.waiting], ['priorityWaiting', b.priorityWaiting], ['longestWaitSeconds', b.longestWait],
    ['counsellorsAvailable', b.available], ['counsellorsBusy', b.busy], ['activeSessions', b.active],
  ];
  const tone = (key: Figure): string => {
    if (key === 'priorityWaiting' && line.priorityWaiting > 0) return ' is-danger';
    if (key === 'longestWaitSeconds' && line.waiting > 0) return waited >= LONG_WAIT ? ' is-danger' : waited >= SLOW_WAIT ? ' is-warn' : '';
    if (key === 'counsellorsAvailable' && line.waiting > 0 && line.counsellorsAvailable === 0) return ' is-warn';
    return key !== 'longestWaitSeconds' && line[key] === 0 ? ' is-zero' : '';
  };
  return (
    <section class={`line is-${level}`} aria-labelledby={titleId} data-qa={`line-${language}`} data-level={level}>
      <h2 id={titleId}>{b.lineName[language]}</h2>
      <p class="line-state">{reasons.join(' · ') || (line.waiting === 0 ? b.calmEmpty : b.calmShort)}</p>
      <dl>
        {names.map(([key, label]) => (
          <div key={key} class={`figure ${key}${tone(key)}`}>
            <dt>{label}</dt>
            {key === 'waiting' ? <dd data-qa={`queue-${language}-waiting`}>{String(line.waiting)}</dd>
              : key === 'longestWaitSeconds' ? <dd data-longest={language}>{line.waiting ? clock(waited) : copy.app.none}</dd>
                : <dd>{String(line[key])}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The alerts, newest first, and after how long a priority wait raises one. */
function Alerts({ feed }: { feed: BoardFeed }) {
  const copy = t.value;
  const titleId = useUid('title');
  const thresholdId = useUid('threshold');
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    feed.alertsEl = ref.current ?? undefined;
    return () => { feed.alertsEl = undefined; };
  }, [feed]);
  const alerts = boardAlerts.value;
  return (
    <section class="alerts" aria-labelledby={titleId} ref={ref}>
      <h2 id={titleId}>{copy.board.alerts}</h2>
      <div class="field inline-field">
        <label for={thresholdId}>{copy.board.threshold}</label>
        <input id={thresholdId} type="number" min="10" max="3600" step="5" class="narrow" defaultValue={String(alertThreshold.peek())}
          onChange={(e) => feed.setThreshold(Number(e.currentTarget.value))} />
      </div>
      <ul class="alert-list">
        {alerts.length === 0 ? <li class="tip">{copy.board.noAlerts}</li> : alerts.map((a) => (
          <li key={a.id} class="alert-item">
            <time dateTime={a.at.toISOString()}>{timeOfDay(a.at, lang.value)}</time>{' '}<span>{a.text}</span>{' '}
            <button type="button" class="quiet small" onClick={() => feed.dismiss(a.id)}>{copy.app.dismiss}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
