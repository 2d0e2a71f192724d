import { ApiError } from '../api';
import type { App } from '../app';
import { h, uid } from '../dom';
import { isLang, LANGS, NATIVE } from '../i18n';

/**
 * Sign-in: the first screen, and the dialog over the open console when a sign-in ended
 * (`again`). The email is remembered in memory for the second case; passwords never are.
 */
export class LoginView {
  readonly el: HTMLElement;
  private email?: HTMLInputElement;
  private password?: HTMLInputElement;

  constructor(private readonly app: App, private readonly again: boolean, private readonly submit: (email: string, password: string) => Promise<void>) {
    this.el = again ? h('div', { class: 'reauth', role: 'dialog', 'aria-modal': 'true' }) : h('main', { class: 'login', id: 'main' });
  }

  render(): void {
    const t = this.app.t.login;
    const titleId = uid('login-title');
    const email = h('input', { type: 'email', id: uid('email'), 'data-qa': 'login-email', autocomplete: 'username', required: true, value: this.email?.value ?? this.app.email });
    const password = h('input', { type: 'password', id: uid('password'), 'data-qa': 'login-password', autocomplete: 'current-password', required: true });
    const error = h('p', { class: 'error', role: 'alert' });
    const button = h('button', { type: 'submit', class: 'primary', 'data-qa': 'login-submit' }, t.submit);
    const form = h('form', { class: 'login-form', 'aria-labelledby': titleId, novalidate: true, onsubmit: (e: Event) => {
      e.preventDefault();
      void this.send(email, password, button, error);
    } },
      h('div', { class: 'field' }, h('label', { for: email.id }, t.email), email),
      h('div', { class: 'field' }, h('label', { for: password.id }, t.password), password),
      error,
      button);
    const language = h('select', { id: uid('lang'), onchange: (e: Event) => {
      const value = (e.target as HTMLSelectElement).value;
      if (isLang(value)) void this.app.setLang(value).then(() => this.again || this.render());
    } }, ...LANGS.map((l) => h('option', { value: l, lang: l, selected: l === this.app.lang }, NATIVE[l])));
    this.email = email;
    this.password = password;
    this.el.setAttribute('aria-labelledby', titleId);
    this.el.replaceChildren(h('div', { class: 'login-card' },
      this.again ? null : h('div', { class: 'login-language' }, h('label', { for: language.id }, this.app.t.app.uiLanguage), language),
      h('p', { class: 'brand' }, 'Prystan'),
      h('h1', { id: titleId }, this.again ? t.expiredTitle : t.title),
      h('p', { class: this.again ? 'notice warning' : 'tip' }, this.again ? t.expiredText : t.intro),
      form));
  }

  focus(): void {
    (this.email?.value ? this.password : this.email)?.focus();
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
    try {
      await this.submit(email.value.trim(), password.value);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      error.textContent = status === 401 || status === 400 ? t.wrong : status === 429 ? t.throttled : status === 0 || status >= 500 ? t.unavailable : this.app.t.app.failed;
      password.value = '';
      password.focus();
    } finally {
      button.disabled = false;
      button.textContent = t.submit;
    }
  }
}
