import { ApiError } from '../api';
import type { App } from '../app';
import { h, uid } from '../dom';
import { isLang, LANGS, NATIVE } from '../i18n';
import { CodeStep } from './login-code';
import { MfaEnrolment } from './mfa-enrol';

/** Where a sign-in is: the password, a code for a second factor, or setting one up first. */
type Step = { kind: 'password' } | { kind: 'code'; step: CodeStep } | { kind: 'enrol'; step: MfaEnrolment };

/**
 * Sign-in: the first screen, and the dialog over the open console when a sign-in ended
 * (`again`). The email is remembered in memory for the second case; passwords never are.
 */
export class LoginView {
  readonly el: HTMLElement;
  private email?: HTMLInputElement;
  private password?: HTMLInputElement;
  private step: Step = { kind: 'password' };
  /** Said above the password form when a later step sent the person back to it. */
  private notice = '';

  constructor(private readonly app: App, private readonly again: boolean) {
    this.el = again ? h('div', { class: 'reauth', role: 'dialog', 'aria-modal': 'true' }) : h('main', { class: 'login', id: 'main' });
  }

  render(): void {
    const titleId = uid('login-title');
    const language = h('select', { id: uid('lang'), onchange: (e: Event) => {
      const value = (e.target as HTMLSelectElement).value;
      if (isLang(value)) void this.app.setLang(value).then(() => this.again || this.render());
    } }, ...LANGS.map((l) => h('option', { value: l, lang: l, selected: l === this.app.lang }, NATIVE[l])));
    this.el.setAttribute('aria-labelledby', titleId);
    this.el.replaceChildren(h('div', { class: 'login-card' },
      this.again ? null : h('div', { class: 'login-language' }, h('label', { for: language.id }, this.app.t.app.uiLanguage), language),
      h('p', { class: 'brand' }, 'Prystan'),
      ...(this.step.kind === 'password' ? this.passwordStep(titleId) : this.step.step.render(titleId))));
  }

  focus(): void {
    if (this.step.kind !== 'password') return this.step.step.focus();
    (this.email?.value ? this.password : this.email)?.focus();
  }

  private refresh(): void {
    this.render();
    this.focus();
  }

  /** Back to the password, with a reason (a code that did not work, a failed set-up). */
  restart(notice: string): void {
    this.step = { kind: 'password' };
    this.notice = notice;
    this.render();
    this.focus();
  }

  private passwordStep(titleId: string): HTMLElement[] {
    const t = this.app.t.login;
    const email = h('input', { type: 'email', id: uid('email'), 'data-qa': 'login-email', autocomplete: 'username', required: true, value: this.email?.value ?? this.app.email });
    const password = h('input', { type: 'password', id: uid('password'), 'data-qa': 'login-password', autocomplete: 'current-password', required: true });
    const error = h('p', { class: 'error', role: 'alert' }, this.notice);
    const button = h('button', { type: 'submit', class: 'primary', 'data-qa': 'login-submit' }, t.submit);
    const form = h('form', { class: 'login-form', 'aria-labelledby': titleId, novalidate: true, onsubmit: (e: Event) => {
      e.preventDefault();
      void this.send(email, password, button, error);
    } },
      h('div', { class: 'field' }, h('label', { for: email.id }, t.email), email),
      h('div', { class: 'field' }, h('label', { for: password.id }, t.password), password),
      error,
      button);
    this.email = email;
    this.password = password;
    return [
      h('h1', { id: titleId }, this.again ? t.expiredTitle : t.title),
      h('p', { class: this.again ? 'notice warning' : 'tip' }, this.again ? t.expiredText : t.intro),
      form,
    ];
  }

  private async send(email: HTMLInputElement, password: HTMLInputElement, button: HTMLButtonElement, error: HTMLElement): Promise<void> {
    const t = this.app.t.login;
    if (!email.value.trim() || !password.value) {
      error.textContent = t.wrong;
      (email.value.trim() ? password : email).focus();
      return;
    }
    button.disabled = true;
    button.textContent = t.busy;
    error.textContent = '';
    this.notice = '';
    try {
      const next = await this.app.signIn(email.value.trim(), password.value);
      password.value = '';
      if (next.kind === 'code') this.step = { kind: 'code', step: new CodeStep(this.app, next.token, () => this.refresh(), (notice) => this.restart(notice)) };
      if (next.kind === 'enrol') this.step = { kind: 'enrol', step: new MfaEnrolment(this.app, () => this.refresh(), (notice) => this.restart(notice)) };
      if (next.kind !== 'done') this.refresh();
    } catch (err) {
      error.textContent = signInError(this.app, err);
      password.value = '';
      password.focus();
    } finally {
      button.disabled = false;
      button.textContent = t.submit;
    }
  }
}

/** What a refused sign-in step says (the same words for a wrong email, password or code). */
export function signInError(app: App, err: unknown, wrong = app.t.login.wrong): string {
  const t = app.t.login;
  const status = err instanceof ApiError ? err.status : 0;
  return status === 401 || status === 400 ? wrong : status === 429 ? t.throttled : status === 0 || status >= 500 ? t.unavailable : app.t.app.failed;
}
