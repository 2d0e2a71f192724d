import QRCode from 'qrcode';
import { ApiError } from '../api';
import type { App, LoginAnswer } from '../app';
import { h, uid } from '../dom';

type State =
  | { kind: 'loading' }
  | { kind: 'scan'; secret: string; qr: SVGElement; error: string }
  | { kind: 'codes'; answer: LoginAnswer & { recoveryCodes: string[] }; saved: boolean };

/**
 * Setting up two-step sign-in when the role needs it: a QR code (drawn here, from the
 * `otpauth://` link; nothing leaves the page), the key for typing by hand, a first code to
 * confirm, then the recovery codes, shown this once, before the console opens.
 */
export class MfaEnrolment {
  private state: State = { kind: 'loading' };
  private focusTarget?: HTMLElement;

  constructor(private readonly app: App, private readonly rerender: () => void, private readonly restart: (notice: string) => void) {
    void this.start();
  }

  render(titleId: string): HTMLElement[] {
    const t = this.app.t.mfa;
    const s = this.state;
    if (s.kind === 'loading') return [h('h1', { id: titleId }, t.enrolTitle), h('p', { class: 'tip' }, this.app.t.app.loading)];
    if (s.kind === 'codes') return this.codes(titleId, s);
    const code = h('input', { type: 'text', id: uid('code'), 'data-qa': 'mfa-code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: '6', required: true });
    const button = h('button', { type: 'submit', class: 'primary', 'data-qa': 'mfa-confirm' }, t.enrolSubmit);
    const form = h('form', { class: 'login-form', novalidate: true, onsubmit: (e: Event) => {
      e.preventDefault();
      void this.confirm(code.value.replace(/\s/g, ''), button);
    } },
      h('div', { class: 'field' }, h('label', { for: code.id }, t.enrolConfirm), code),
      h('p', { class: 'error', role: 'alert' }, s.error),
      button);
    this.focusTarget = code;
    return [
      h('h1', { id: titleId }, t.enrolTitle),
      h('p', { class: 'tip' }, t.enrolIntro),
      h('p', {}, t.enrolScan),
      h('div', { class: 'mfa-qr', role: 'img', 'aria-label': t.qrLabel, 'data-qa': 'mfa-qr' }, s.qr.cloneNode(true)),
      h('p', { class: 'hint' }, t.enrolManual),
      h('p', { class: 'mfa-secret', 'data-qa': 'mfa-secret', translate: 'no' }, groups(s.secret)),
      form,
    ];
  }

  focus(): void {
    this.focusTarget?.focus();
  }

  private codes(titleId: string, s: Extract<State, { kind: 'codes' }>): HTMLElement[] {
    const t = this.app.t.mfa;
    const saved = h('input', { type: 'checkbox', id: uid('saved'), 'data-qa': 'mfa-saved', checked: s.saved, onchange: (e: Event) => {
      s.saved = (e.target as HTMLInputElement).checked;
      next.disabled = !s.saved;
    } });
    const next = h('button', { type: 'button', class: 'primary', 'data-qa': 'mfa-continue', disabled: !s.saved, onclick: () => this.app.signedIn(s.answer) }, t.codesContinue);
    this.focusTarget = saved;
    return [
      h('h1', { id: titleId }, t.codesTitle),
      h('p', { class: 'notice warning' }, t.codesIntro),
      h('ol', { class: 'recovery-codes', 'data-qa': 'mfa-recovery-codes', translate: 'no' }, ...s.answer.recoveryCodes.map((c) => h('li', {}, h('code', {}, c)))),
      h('div', { class: 'check' }, saved, h('label', { for: saved.id }, t.codesSaved)),
      next,
    ];
  }

  private async start(): Promise<void> {
    try {
      const { secret, otpauthUrl } = await this.app.api.post<{ secret: string; otpauthUrl: string }>('/api/me/mfa/totp', {});
      this.state = { kind: 'scan', secret, qr: await qrSvg(otpauthUrl), error: '' };
      this.rerender();
    } catch {
      this.restart(this.app.t.mfa.enrolFailed);
    }
  }

  private async confirm(code: string, button: HTMLButtonElement): Promise<void> {
    const s = this.state;
    if (s.kind !== 'scan') return;
    if (!/^\d{6}$/.test(code)) {
      s.error = this.app.t.mfa.enrolConfirm;
      return this.rerender();
    }
    button.disabled = true;
    try {
      const answer = await this.app.api.post<LoginAnswer & { recoveryCodes: string[] }>('/api/me/mfa/totp/confirm', { code });
      this.state = { kind: 'codes', answer, saved: false };
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 400) return this.restart(this.app.t.mfa.enrolFailed);
      s.error = this.app.t.mfa.enrolWrong;
    }
    this.rerender();
  }
}

/** The QR code as an SVG element, parsed (never set as HTML) from what the library draws. */
async function qrSvg(text: string): Promise<SVGElement> {
  const markup = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const el = document.importNode(doc.documentElement, true) as unknown as SVGElement;
  el.setAttribute('aria-hidden', 'true');
  el.setAttribute('focusable', 'false');
  return el;
}

/** The base32 key in groups of four, easier to read off the screen and type into a phone. */
const groups = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();
