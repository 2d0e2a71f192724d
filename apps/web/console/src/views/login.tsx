import { render } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isLang, LANGS, NATIVE } from '../i18n';
import { lang, t } from '../store';
import { CodeStep } from './login-code';
import { signInError, type Auth } from './sign-in';
import { MfaEnrolment } from './mfa-enrol';
import { useUid } from '../dom';

/** Where a sign-in is: the password, a code for a second factor, or setting one up first. */
type Step = { kind: 'password'; notice: string } | { kind: 'code'; token: string } | { kind: 'enrol' };

/**
 * Sign-in: the first screen, and the dialog over the open console when a sign-in ended
 * (`again`). The email is remembered in memory for the second case; passwords never are.
 * The element is placed by the caller first, so the first field has the focus when this returns.
 */
export function loginView(auth: Auth, again: boolean): { el: HTMLElement; render(): void } {
  const el = document.createElement(again ? 'div' : 'main');
  if (again) Object.assign(el, { className: 'reauth' }).setAttribute('role', 'dialog');
  else Object.assign(el, { className: 'login', id: 'main' });
  if (again) el.setAttribute('aria-modal', 'true');
  return { el, render: () => render(<Login auth={auth} again={again} host={el} />, el) };
}

function Login({ auth, again, host }: { auth: Auth; again: boolean; host: HTMLElement }) {
  const [step, setStep] = useState<Step>({ kind: 'password', notice: '' });
  const [email, setEmail] = useState(auth.email);
  const titleId = useUid('title');
  const languageId = useUid('language');
  useLayoutEffect(() => host.setAttribute('aria-labelledby', titleId), [host, titleId]);
  const restart = (notice: string) => setStep({ kind: 'password', notice });
  return (
    <div class="login-card">
      {!again && (
        <div class="login-language">
          <label for={languageId}>{t.value.app.uiLanguage}</label>
          <select id={languageId} value={lang.value} onChange={(e) => { const v = e.currentTarget.value; if (isLang(v)) void auth.setLang(v); }}>
            {LANGS.map((l) => <option key={l} value={l} lang={l}>{NATIVE[l]}</option>)}
          </select>
        </div>
      )}
      <p class="brand">Prystan</p>
      {step.kind === 'password' && <PasswordStep auth={auth} again={again} titleId={titleId} notice={step.notice} email={email} setEmail={setEmail} next={setStep} />}
      {step.kind === 'code' && <CodeStep auth={auth} token={step.token} titleId={titleId} restart={restart} />}
      {step.kind === 'enrol' && <MfaEnrolment auth={auth} titleId={titleId} restart={restart} />}
    </div>
  );
}

function PasswordStep(props: { auth: Auth; again: boolean; titleId: string; notice: string; email: string; setEmail(v: string): void; next(step: Step): void }) {
  const { auth, again, titleId, email } = props;
  const copy = t.value.login;
  const [password, setPassword] = useState('');
  const [error, setError] = useState(props.notice);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const emailId = useUid('email');
  const passwordId = useUid('password');
  // the first empty field has the keyboard (the password, when the email is known)
  useLayoutEffect(() => (email ? passwordRef : emailRef).current?.focus(), []);
  const send = async () => {
    if (!email.trim() || !password) {
      setError(copy.wrong);
      (email.trim() ? passwordRef : emailRef).current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      const next = await auth.signIn(email.trim(), password);
      setPassword('');
      if (next.kind === 'code') props.next({ kind: 'code', token: next.token });
      if (next.kind === 'enrol') props.next({ kind: 'enrol' });
    } catch (err) {
      setError(signInError(err));
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1 id={titleId}>{again ? copy.expiredTitle : copy.title}</h1>
      <p class={again ? 'notice warning' : 'tip'}>{again ? copy.expiredText : copy.intro}</p>
      <form class="login-form" aria-labelledby={titleId} noValidate onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <div class="field">
          <label for={emailId}>{copy.email}</label>
          <input ref={emailRef} id={emailId} type="email" data-qa="login-email" autocomplete="username" required value={email} onInput={(e) => props.setEmail(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={passwordId}>{copy.password}</label>
          <input ref={passwordRef} id={passwordId} type="password" data-qa="login-password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </div>
        <p class="error" role="alert">{error}</p>
        <button type="submit" class="primary" data-qa="login-submit" disabled={busy}>{busy ? copy.busy : copy.submit}</button>
      </form>
    </>
  );
}
