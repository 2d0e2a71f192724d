import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { t } from '../store';
import { signInError, type Auth } from './sign-in';
import { useUid } from '../dom';

/**
 * The second sign-in step: the 6-digit code from the authenticator app, or (by a link) one
 * of the recovery codes. The server spends the step's token on any answer, so a wrong code
 * goes back to the password.
 */
export function CodeStep({ auth, token, titleId, restart }: { auth: Auth; token: string; titleId: string; restart(notice: string): void }) {
  const [mode, setMode] = useState<'totp' | 'recovery'>('totp');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useUid('input');
  const copy = t.value.mfa;
  const totp = mode === 'totp';
  // a fresh field for each kind of code, with the keyboard in it
  useLayoutEffect(() => input.current?.focus(), [mode]);
  const send = async () => {
    const value = input.current?.value ?? '';
    const code = totp ? value.replace(/\s/g, '') : value.trim();
    if (totp ? !/^\d{6}$/.test(code) : code.length < 10) {
      setError(totp ? copy.codeIntro : copy.recoveryIntro);
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await auth.signInWithCode(token, mode, code);
    } catch (err) {
      // the step's token is spent whatever the answer: a wrong code means starting again
      if (err instanceof ApiError && (err.status === 401 || err.status === 429)) return restart(signInError(err, copy.codeWrong));
      setError(signInError(err, copy.codeWrong));
      setBusy(false);
    }
  };
  return (
    <>
      <h1 id={titleId}>{totp ? copy.codeTitle : copy.recoveryTitle}</h1>
      <p class="tip">{totp ? copy.codeIntro : copy.recoveryIntro}</p>
      <form class="login-form" aria-labelledby={titleId} noValidate onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <div class="field">
          <label for={inputId}>{totp ? copy.code : copy.recoveryCode}</label>
          {totp
            ? <input key="totp" ref={input} id={inputId} type="text" data-qa="login-code" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required />
            : <input key="recovery" ref={input} id={inputId} type="text" data-qa="login-code" autocomplete="off" autocapitalize="none" spellcheck={false} maxLength={20} required />}
        </div>
        <p class="error" role="alert">{error}</p>
        <button type="submit" class="primary" data-qa="login-code-submit" disabled={busy}>{busy ? copy.verifying : copy.verify}</button>
      </form>
      <p class="login-alt">
        <button type="button" class="link" data-qa={totp ? 'login-use-recovery' : 'login-use-app'} onClick={() => { setMode(totp ? 'recovery' : 'totp'); setError(''); }}>
          {totp ? copy.useRecovery : copy.useApp}
        </button>
      </p>
    </>
  );
}
