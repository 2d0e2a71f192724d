import { timeOfDay } from '../format';
import { bannerText, riskBanners, type RiskBannerLine } from '../risk-banners';
import { lang, t, type ChatMode, type ChatState } from '../store';
import { TriageFacts } from './triage';

/** A chat's title line: which chat, since when, and whether the person is connected. */
export function ChatTitle({ chat, headingId }: { chat: ChatState; headingId: string }) {
  const copy = t.value;
  return (
    <div class="title-row">
      <h2 id={headingId}>{copy.chat.heading(chat.number, copy.langName[chat.language])}</h2>
      {chat.assignedAt && <span class="started">{copy.chat.started(timeOfDay(chat.assignedAt, lang.value))}</span>}
      {chat.state === 'active' && <span class={`survivor-link ${chat.survivorConnected ? 'on' : 'off'}`}>{chat.survivorConnected ? copy.chat.survivorOnline : copy.chat.survivorOffline}</span>}
    </div>
  );
}

/** What must not be missed about a chat: the person left quickly, a risk was detected, it ended and needs its form. */
export function ChatBanners({ chat }: { chat: ChatState }) {
  const copy = t.value;
  return (
    <>
      {chat.quickExit && <div class="banner danger" data-qa="quick-exit-banner"><strong>{copy.chat.quickExit}</strong>{' '}{copy.chat.quickExitDetail}</div>}
      <RiskBannersOf chat={chat} />
      {chat.state === 'ended' && !chat.quickExit && (
        <div class="banner ended"><strong>{copy.chat.ended[chat.endedBy ?? 'system'] ?? copy.chat.ended.system}</strong>{' '}{copy.chat.fillForm}</div>
      )}
    </>
  );
}

/**
 * Risk detected in the chat, each flag with its reason (a rule id, or "model: suicide, 0.62"): the
 * flags that raised its priority, then, apart and quieter, the model's advisory ones.
 */
function RiskBannersOf({ chat }: { chat: ChatState }) {
  const copy = t.value;
  const banners = riskBanners(chat.riskFlags, chat.riskSignals);
  const name = (category: string): string => copy.riskFlag.category[category] ?? category;
  const list = (lines: RiskBannerLine[]): string => lines.map((l) => bannerText(l, name)).join('; ');
  return (
    <>
      {banners.priority.length > 0 && <div class="banner risk" data-qa="risk-banner"><strong>{`${copy.riskFlag.title}: `}</strong>{list(banners.priority)}</div>}
      {banners.advisory.length > 0 && (
        <div class="banner risk-advisory" data-qa="risk-advisory-banner">
          <strong>{`${copy.riskFlag.advisoryTitle}: `}</strong>{list(banners.advisory)}{' '}<span class="detail">{copy.riskFlag.advisoryDetail}</span>
        </div>
      )}
    </>
  );
}

/** The triage answers and the chat's actions; the button of the open form is pressed. */
export function ChatMeta({ chat, setMode }: { chat: ChatState; setMode(mode: ChatMode): void }) {
  const copy = t.value;
  const active = chat.state === 'active';
  return (
    <>
      <dl class="facts inline-facts"><TriageFacts triage={chat.triage} /></dl>
      <div class="pane-actions" role="group" aria-label={copy.chat.actions}>
        {active && <button type="button" class="secondary" aria-pressed={chat.mode === 'transfer'} onClick={() => setMode('transfer')}>{copy.chat.transfer}</button>}
        {active && <button type="button" class="secondary" data-qa="escalate" aria-pressed={chat.mode === 'escalate'} onClick={() => setMode('escalate')}>{copy.chat.escalate}</button>}
        <button type="button" class="secondary close-button" data-qa="close-session" aria-pressed={chat.mode === 'close'} onClick={() => setMode('close')}>
          {active ? copy.chat.close : copy.close.title}
        </button>
      </div>
    </>
  );
}
