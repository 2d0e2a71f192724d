import { announce, h } from '../dom';
import { estimateText, fill, positionLines } from '../format';
import { COPY, type Lang } from '../i18n';
import type { Pending } from '../outbox';
import { EMERGENCY_KINDS, numbers, type Service } from './numbers';

export interface Msg { id: string; from: 'survivor' | 'counsellor' | 'system'; text: string; sentAt?: string }

export interface ChatOptions {
  lang: Lang;
  danger: boolean;
  onSend: (text: string) => void;
  onTyping: () => void;
  onEnd: () => void;
}

export interface ChatView {
  el: HTMLElement;
  setWaiting(position: number, estimate: number | null | undefined, onDuty: boolean): void;
  /** The numbers to call (they may arrive after the chat screen). */
  setServices(services: Service[]): void;
  setActive(counsellor: string): void;
  /** Handed on: waiting again for another counsellor; the transcript stays. */
  setTransferred(): void;
  /** The transcript as the server has it, merged with what this screen already shows. */
  setHistory(messages: Msg[]): void;
  addMessage(m: Msg): void;
  setPending(items: readonly Pending[]): void;
  /** An own pending message was accepted by the server under this id. */
  confirm(clientId: string, id: string, sentAt?: string): void;
  setTyping(on: boolean): void;
  setError(text: string | undefined): void;
  focus(): void;
}

/**
 * Waiting and talking share one screen, built once and updated in place, so the text being
 * typed, the caret and the live regions survive every update.
 */
export function chatView(o: ChatOptions): ChatView {
  const c = COPY[o.lang];
  let counsellor = '';
  let state: 'resuming' | 'waiting' | 'handed-on' | 'active' = 'resuming';
  // every message shown, by id: a history read a moment before a live message must not remove it
  const shown = new Map<string, Msg>();
  let services: Service[] = [];
  let onDuty = true;

  const title = h('h1', { tabindex: '-1' }, c.resuming);
  const position = h('p', { class: 'position', 'data-qa': 'position' });
  const ahead = h('p', { class: 'ahead' });
  const estimate = h('p', { class: 'estimate' });
  // one polite live region for the place in the queue and the estimate, updated only on change
  const live = h('div', { class: 'queue', 'aria-live': 'polite', 'aria-atomic': 'true', hidden: true }, position, ahead, estimate);
  const notice = h('div', { class: 'notice', hidden: true });
  const tip = h('p', { class: 'tip', hidden: true }, c.writeWhileWaiting);
  const endButton = h('button', { type: 'button', class: 'end', 'data-qa': 'end', onclick: () => o.onEnd() }, c.end);
  const list = h('ol', { class: 'messages', 'aria-label': c.messages });
  const typing = h('p', { class: 'typing' });
  const error = h('p', { class: 'error', role: 'alert' });
  const input = h('textarea', { id: 'message', 'data-qa': 'message-input', rows: '2', maxlength: '4000', placeholder: c.placeholder, autocomplete: 'off' }) as HTMLTextAreaElement;
  const send = h('button', { type: 'submit', class: 'primary send', 'data-qa': 'send' }, c.send);

  const submit = () => {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    o.onSend(text);
    input.focus();
  };
  input.addEventListener('input', () => o.onTyping());
  input.addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter is a new line; never while an input method is composing
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  });
  const composer = h('form', { class: 'composer', onsubmit: (e: Event) => { e.preventDefault(); submit(); } },
    h('label', { for: 'message', class: 'visually-hidden' }, c.messageLabel), input, send);

  const dangerNumbers = o.danger ? h('div', { class: 'alert' }, h('p', { class: 'alert-title' }, c.dangerCall), numbers(c, [])) : null;

  // everything but the composer scrolls in its own box, under the bar with quick exit
  const scroller = h('div', { class: 'scroll' }, h('div', { class: 'scroll-inner' },
    h('div', { class: 'status' }, title, live, endButton),
    dangerNumbers,
    notice,
    tip,
    list,
    typing,
    error));
  const el = h('main', { class: 'screen chat', id: 'main' }, scroller, composer);

  // nobody on duty: say so with the numbers; in danger: the emergency numbers stay in view
  const showNumbers = () => {
    notice.hidden = onDuty || state === 'active';
    notice.replaceChildren(...(onDuty ? [] : [h('h2', {}, c.nobodyTitle), h('p', {}, c.nobodyText), numbers(c, services)]));
    dangerNumbers?.replaceChildren(h('p', { class: 'alert-title' }, c.dangerCall), numbers(c, services.filter((s) => EMERGENCY_KINDS.includes(s.kind))));
  };

  const nearBottom = () => scroller.clientHeight + scroller.scrollTop >= scroller.scrollHeight - 160;
  const toBottom = () => { scroller.scrollTop = scroller.scrollHeight; };

  const bubble = (m: { from: Msg['from']; text: string; id?: string; clientId?: string; pending?: boolean }) => {
    const who = m.from === 'survivor' ? c.you : m.from === 'counsellor' ? counsellor : c.info;
    return h('li', { class: `message from-${m.from}${m.pending ? ' pending' : ''}`, 'data-qa': 'message', 'data-from': m.from, 'data-id': m.id, 'data-client-id': m.clientId },
      h('span', { class: 'who' }, who),
      h('span', { class: 'text' }, m.text),
      m.pending ? h('span', { class: 'state' }, c.unsent) : null);
  };

  const append = (m: Msg, speak: boolean) => {
    if (shown.has(m.id)) return;
    shown.set(m.id, m);
    const stick = (nearBottom() && state === 'active') || m.from === 'survivor';
    // confirmed messages go before any still-unsent ones
    list.insertBefore(bubble(m), list.querySelector('.pending'));
    if (speak && m.from !== 'survivor') announce(`${m.from === 'counsellor' ? counsellor : c.info}: ${m.text}`);
    if (stick) toBottom();
  };

  return {
    el,
    setWaiting(pos, seconds, duty) {
      if (state === 'active') return;
      if (state !== 'handed-on') title.textContent = c.waitingTitle;
      if (state === 'resuming') state = 'waiting';
      const [place, before] = positionLines(c, o.lang, pos);
      const est = estimateText(c, o.lang, seconds);
      if (position.textContent !== place || ahead.textContent !== before || estimate.textContent !== est) {
        position.textContent = place;
        ahead.textContent = before;
        estimate.textContent = est;
      }
      live.hidden = false;
      tip.hidden = false;
      if (duty !== onDuty || !notice.firstChild) {
        onDuty = duty;
        showNumbers();
      }
    },
    setServices(list) {
      services = list;
      showNumbers();
    },
    setActive(name) {
      const first = state !== 'active' || counsellor !== name;
      state = 'active';
      counsellor = name;
      if (name) title.replaceChildren(`${c.talkingWith} `, h('strong', { class: 'counsellor' }, name));
      else title.textContent = c.withYouNow;
      live.hidden = true;
      notice.hidden = true;
      tip.hidden = true;
      dangerNumbers?.remove();
      // names only what was shown before the name was known (a colleague's earlier words keep theirs)
      list.querySelectorAll('.from-counsellor .who').forEach((w) => { if (!w.textContent) w.textContent = name; });
      if (first) {
        if (name) announce(`${c.talkingWith} ${name}`);
        toBottom();
      }
    },
    setTransferred() {
      state = 'handed-on';
      counsellor = '';
      title.textContent = c.handedOnTitle;
      position.textContent = '';
      ahead.textContent = '';
      estimate.textContent = '';
      typing.textContent = '';
      live.hidden = false;
      if (dangerNumbers && !dangerNumbers.isConnected) title.parentElement!.after(dangerNumbers);
      showNumbers();
    },
    setHistory(messages) {
      const fresh = messages.filter((m) => !shown.has(m.id));
      if (fresh.length) {
        fresh.forEach((m) => shown.set(m.id, m));
        // what is already on screen stays (and keeps its counsellor's name); the rest goes in by server time
        const onScreen = new Map([...list.querySelectorAll<HTMLElement>('li:not(.pending)')].map((li) => [li.dataset.id, li]));
        const firstPending = list.querySelector('.pending');
        // by server time, and within one instant (one group commit) in the server's own order
        const rank = new Map(messages.map((m, i) => [m.id, i]));
        [...shown.values()]
          .sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? '') || (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity))
          .forEach((m) => list.insertBefore(onScreen.get(m.id) ?? bubble(m), firstPending));
      }
      // back in a conversation after a reload: its end; still waiting: the place in the queue
      if (state === 'active') toBottom();
    },
    addMessage(m) {
      append(m, true);
      if (m.from === 'counsellor') typing.textContent = '';
    },
    setPending(items) {
      const keep = new Set(items.map((p) => p.clientId));
      list.querySelectorAll<HTMLElement>('li.pending').forEach((li) => { if (!keep.has(li.dataset.clientId ?? '')) li.remove(); });
      let added = false;
      for (const p of items) {
        if (list.querySelector(`li.pending[data-client-id="${CSS.escape(p.clientId)}"]`)) continue;
        list.append(bubble({ from: 'survivor', text: p.text, clientId: p.clientId, pending: true }));
        added = true;
      }
      if (added) toBottom();
    },
    confirm(clientId, id, sentAt) {
      const li = list.querySelector<HTMLElement>(`li.pending[data-client-id="${CSS.escape(clientId)}"]`);
      if (!li) return;
      if (shown.has(id)) { li.remove(); return; }
      shown.set(id, { id, from: 'survivor', text: li.querySelector('.text')?.textContent ?? '', sentAt });
      li.classList.remove('pending');
      li.dataset.id = id;
      li.querySelector('.state')?.remove();
      // confirmed ones stay ahead of those still waiting to go
      list.insertBefore(li, list.querySelector('.pending'));
    },
    setTyping(on) {
      typing.textContent = on && counsellor ? fill(c.typing, counsellor) : '';
    },
    setError(text) {
      error.textContent = text ?? '';
    },
    focus() {
      title.focus();
    },
  };
}
