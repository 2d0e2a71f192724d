import { h, uid } from '../dom';
import { clock } from '../format';
import { t as copy } from '../store';
import type { Offer } from '../wire';
import { triageList } from './triage';

/**
 * One offer: the line, how long the person has waited, what they said in triage, any risk
 * flags, and a countdown. Accept and Decline are the only actions.
 */
export class OfferCard {
  readonly el = h('article', { class: 'offer' });
  private readonly received = Date.now();
  private timer?: number;
  private waitEl?: HTMLElement;
  private countdownEl?: HTMLElement;
  private progress?: HTMLProgressElement;
  private message = '';
  private busy = false;

  constructor(public offer: Offer, private readonly actions: { accept(card: OfferCard): void; decline(card: OfferCard): void }) {
    this.timer = window.setInterval(() => this.tick(), 1000);
  }

  get sessionId(): string {
    return this.offer.sessionId;
  }

  render(): void {
    const t = copy.value;
    const titleId = uid('offer');
    const flags = this.offer.riskFlags ?? [];
    this.waitEl = h('dd', {});
    this.countdownEl = h('strong', { class: 'countdown' });
    this.progress = h('progress', { max: String(Math.max(1, this.offer.expiresInSeconds)), 'aria-hidden': 'true' });
    const danger = this.offer.triage.immediateDanger || flags.length > 0;
    this.el.className = `offer${danger ? ' danger' : ''}`;
    this.el.setAttribute('aria-labelledby', titleId);
    this.el.replaceChildren(
      h('h2', { id: titleId }, t.offer.title(t.langName[this.offer.language]), this.offer.triage.immediateDanger ? h('span', { class: 'danger-tag' }, t.triage.immediateDanger) : ''),
      h('p', { class: 'answer-within' }, t.offer.answerWithin, ' ', this.countdownEl),
      this.progress,
      h('dl', { class: 'facts' }, h('div', {}, h('dt', {}, t.offer.waited), this.waitEl), ...triageList(t, this.offer.triage)),
      flags.length === 0 ? '' : h('p', { class: 'banner risk' }, h('strong', {}, `${t.riskFlag.title}: `), flags.map((f) => t.riskFlag.category[f] ?? f).join(', ')),
      !this.offer.transferredBy ? '' : h('p', { class: 'handover' }, t.offer.transferredBy(this.offer.transferredBy),
        this.offer.note ? h('span', { class: 'note' }, ` — ${t.offer.note}: `, this.offer.note) : null),
      !this.message ? '' : h('p', { class: 'error', role: 'status' }, this.message),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'primary', 'data-qa': 'offer-accept', disabled: this.busy, onclick: () => this.actions.accept(this) }, t.offer.accept),
        h('button', { type: 'button', class: 'secondary', 'data-qa': 'offer-decline', disabled: this.busy, onclick: () => this.actions.decline(this) }, t.offer.decline)));
    this.tick();
  }

  setBusy(busy: boolean, message = ''): void {
    this.busy = busy;
    this.message = message;
    this.render();
  }

  focus(): void {
    this.el.querySelector<HTMLButtonElement>('[data-qa="offer-accept"]')?.focus();
  }

  destroy(): void {
    window.clearInterval(this.timer);
    this.el.remove();
  }

  private tick(): void {
    const elapsed = (Date.now() - this.received) / 1000;
    const left = Math.max(0, Math.ceil(this.offer.expiresInSeconds - elapsed));
    if (this.waitEl) this.waitEl.textContent = clock(Math.max(0, this.offer.waitedSeconds) + elapsed);
    if (this.countdownEl) this.countdownEl.textContent = clock(left);
    if (this.progress) this.progress.value = left;
    this.el.classList.toggle('urgent', left <= 10);
  }
}
