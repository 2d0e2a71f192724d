import { ApiError } from '../api';
import type { App } from '../app';
import { h, uid } from '../dom';
import { signInError } from './login';

/**
 * The second sign-in step: the 6-digit code from the authenticator app, or (by a link) one
 * of the recovery codes. The server spends the step's token on any answer, so a wrong code
 * goes back to the password.
 */
export class CodeStep {
  private mode: 'totp' | 'recovery' = 'totp';
  private input?: HTMLInputElement;

  constructor(
    private readonly app: App,
    private readonly token: string,
    private readonly rerender: () => void,
    private readonly restart: (notice: string) => void,
  ) {}

  render(titleId: string): HTMLElement[] {
    const t = this.app.t.mfa;
    const totp = this.mode === 'totp';
    const input = h('input', totp
      ? { type: 'text', id: uid('code'), 'data-qa': 'login-code', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: '6', required: true }
      : { type: 'text', id: uid('code'), 'data-qa': 'login-code', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', maxlength: '20', required: true });
    const error = h('p', { class: 'error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'primary', 'data-qa': 'login-code-submit' }, t.verify);
    const form = h('form', { class: 'login-form', 'aria-labelledby': titleId, novalidate: true, onsubmit: (e: Event) => {
      e.preventDefault();
      void this.send(input, button, error);
    } },
      h('div', { class: 'field' }, h('label', { for: input.id }, totp ? t.code : t.recoveryCode), input),
      error,
      button);
    const toggle = h('button', { type: 'button', class: 'link', 'data-qa': totp ? 'login-use-recovery' : 'login-use-app', onclick: () => {
      this.mode = totp ? 'recovery' : 'totp';
      this.rerender();
    } }, totp ? t.useRecovery : t.useApp);
    this.input = input;
    return [h('h1', { id: titleId }, totp ? t.codeTitle : t.recoveryTitle), h('p', { class: 'tip' }, totp ? t.codeIntro : t.recoveryIntro), form, h('p', { class: 'login-alt' }, toggle)];
  }

  focus(): void {
    this.input?.focus();
  }

  private async send(input: HTMLInputElement, button: HTMLButtonElement, error: HTMLElement): Promise<void> {
    const t = this.app.t.mfa;
    const code = this.mode === 'totp' ? input.value.replace(/\s/g, '') : input.value.trim();
    if (this.mode === 'totp' ? !/^\d{6}$/.test(code) : code.length < 10) {
      error.textContent = this.mode === 'totp' ? t.codeIntro : t.recoveryIntro;
      input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t.verifying;
    try {
      await this.app.signInWithCode(this.token, this.mode, code);
    } catch (err) {
      // the step's token is spent whatever the answer: a wrong code means starting again
      if (err instanceof ApiError && (err.status === 401 || err.status === 429)) return this.restart(signInError(this.app, err, t.codeWrong));
      error.textContent = signInError(this.app, err, t.codeWrong);
      button.disabled = false;
      button.textContent = t.verify;
    }
  }
}
