import type { ErrorCode } from '../../../../libs/contract/src/browser';
import { tellHostPage } from './host-page';
import { COPY, initialLanguage, isLang, type Lang } from './i18n';
import { LEAVING, type LeavingDetail } from './quick-exit';
import { ChatSession, type EndedBy } from './session';
import { chatView, type ChatView } from './views/chat';
import { endedView } from './views/ended';
import { updateHeader, type Connection } from './views/header';
import { introView, type IntroView, type Triage } from './views/intro';
import { linesFor, type Service } from './views/numbers';
import { fitToVisualViewport } from './viewport';

/** The survivor page: intro and triage → waiting → chat → closing screen. */
const params = new URLSearchParams(location.search);
const embedded = params.get('embed') === '1';
const app = document.getElementById('app')!;
fitToVisualViewport();

let session = new ChatSession(sessionEvents());
let lang: Lang = session.resumable?.lang ?? initialLanguage(location.search, navigator.languages ?? [navigator.language]);
let connection: Connection = 'none';
let services: Service[] = [];
let onDuty: boolean | undefined;
let triage: Triage = {};
let intro: IntroView | undefined;
let chat: ChatView | undefined;
let pendingChat: ChatView | undefined;

// quick exit itself is exit.ts, loaded first; the chat only tells the server on the way out
window.addEventListener(LEAVING, (e) => {
  const told = session.quickExit();
  if (told) (e as CustomEvent<LeavingDetail>).detail.wait.push(told);
});
if (embedded) {
  // Escape inside the frame closes the panel on the host page (keys do not cross frames)
  window.addEventListener('keydown', (e) => { if (e.key === 'Escape') tellHostPage({ type: 'prystan:close' }); });
}

function setLanguage(next: Lang): void {
  lang = next;
  document.documentElement.lang = lang;
  updateHeader(COPY[lang], connection);
  // keep the choice across a reload, without a new history entry
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url.pathname + url.search);
}

function setConnection(next: Connection): void {
  connection = next;
  updateHeader(COPY[lang], connection);
}

/** The numbers to call and whether anyone is on duty in this language, fetched from this origin. */
async function loadLine(forLang: Lang): Promise<void> {
  const [list, availability] = await Promise.all([
    fetch(`/api/services?language=${forLang}&others=1`).then((r) => (r.ok ? r.json() : [])).catch(() => []),
    fetch(`/api/availability?language=${forLang}`).then((r) => (r.ok ? r.json() : undefined)).catch(() => undefined),
  ]);
  if (forLang !== lang) return;
  services = Array.isArray(list) ? linesFor(list as Service[], forLang) : [];
  onDuty = typeof availability?.onDuty === 'boolean' ? availability.onDuty : undefined;
  intro?.setLine(services, onDuty);
  chat?.setServices(services);
}

function showIntro(focusLanguage = false): void {
  chat = undefined;
  intro = undefined;
  setConnection('none');
  intro = introView({
    lang,
    triage,
    onLang: (next) => {
      setLanguage(next);
      showIntro(true);
      void loadLine(next);
    },
    onStart: (t) => void start(t),
  });
  intro.setLine(services, onDuty);
  app.replaceChildren(intro.el);
  if (focusLanguage) intro.focusLanguage();
}

async function start(t: Triage): Promise<void> {
  triage = t;
  intro?.setBusy(true);
  intro?.setError(undefined);
  // the chat screen is built now and shown once the server has taken the chat
  pendingChat = newChat(t.immediateDanger === true);
  const ack = await session.start(lang, t);
  if (ack.ok) {
    chat?.focus();
    return;
  }
  pendingChat = undefined;
  showIntro();
  const c = COPY[lang];
  const said: Partial<Record<ErrorCode, string>> = { rate_limited: c.slowDown, unavailable: c.noConnection };
  intro?.setError(said[ack.error.code] ?? c.error);
}

function newChat(danger: boolean): ChatView {
  chat = chatView({
    lang,
    danger,
    onSend: (text) => session.send(text),
    onTyping: () => session.typing(),
    onEnd: () => void session.end(),
  });
  chat.setPending(session.outbox.list());
  chat.setServices(services);
  if (connection === 'none') setConnection('connecting');
  return chat;
}

function showEnded(by: EndedBy | 'moved'): void {
  chat = undefined;
  pendingChat = undefined;
  setConnection('none');
  const view = endedView(lang, by, services, () => {
    session = new ChatSession(sessionEvents());
    triage = {};
    showIntro();
    void loadLine(lang);
  });
  app.replaceChildren(view.el);
  view.focus();
}

/** The chat screen built at Start goes up once the server has taken the chat. */
function showPendingChat(): void {
  if (!pendingChat) return;
  intro = undefined;
  app.replaceChildren(pendingChat.el);
  pendingChat = undefined;
}

function sessionEvents() {
  const current = () => chat;
  return {
    connection: (online: boolean) => setConnection(online ? 'online' : 'offline'),
    waiting: (position: number, estimate: number | null, duty: boolean) => {
      showPendingChat();
      current()?.setWaiting(position, estimate, duty);
    },
    assigned: (name: string) => {
      showPendingChat();
      current()?.setActive(name);
    },
    transferred: () => current()?.setTransferred(),
    history: (messages: Parameters<ChatView['setHistory']>[0]) => current()?.setHistory(messages),
    message: (m: Parameters<ChatView['addMessage']>[0]) => current()?.addMessage(m),
    pending: (items: Parameters<ChatView['setPending']>[0]) => current()?.setPending(items),
    confirmed: (clientId: string, id: string, sentAt?: string) => current()?.confirm(clientId, id, sentAt),
    typing: (on: boolean) => current()?.setTyping(on),
    ended: (by: EndedBy) => showEnded(by),
    moved: () => showEnded('moved'),
    failed: (code: string) => current()?.setError(code === 'rate_limited' ? COPY[lang].slowDown : COPY[lang].error),
  };
}

// a reload in the middle of a chat brings it back; otherwise start with the questions
const resumable = session.resumable;
setLanguage(isLang(resumable?.lang) ? resumable.lang : lang);
if (resumable) {
  app.replaceChildren(newChat(resumable.danger === true).el);
  session.resume();
} else {
  showIntro();
}
void loadLine(lang);
