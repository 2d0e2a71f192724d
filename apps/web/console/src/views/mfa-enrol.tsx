import QRCode from 'qrcode';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';
import type { LoginAnswer } from '../screens';
import { api } from '../services';
import { t } from '../store';
import type { Auth } from './sign-in';
import { useUid } from '../dom';

type State =
  | { kind: 'loading' }
  | { kind: 'scan'; secret: string; qr: SVGElement; error: string; tries: number }
  | { kind: 'codes'; answer: LoginAnswer & { recoveryCodes: string[] } };

/**
 * Setting up two-step sign-in when the role needs it: a QR code (drawn here, from the
 * `otpauth://` link; nothing leaves the page), the key for typing by hand, a first code to
 * confirm, then the recovery codes, shown this once, before the console opens.
 */
export function MfaEnrolment({ auth, titleId, restart }: { auth: Auth; titleId: string; restart(notice: string): void }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const copy = t.value;
  useEffect(() => {
    api.post<{ secret: string; otpauthUrl: string }>('/api/me/mfa/totp', {})
      .then(async ({ secret, otpauthUrl }) => setState({ kind: 'scan', secret, qr: await qrSvg(otpauthUrl), error: '', tries: 0 }))
      .catch(() => restart(t.value.mfa.enrolFailed));
  }, []);
  if (state.kind === 'loading') return <><h1 id={titleId}>{copy.mfa.enrolTitle}</h1><p class="tip">{copy.app.loading}</p></>;
  if (state.kind === 'codes') return <RecoveryCodes auth={auth} titleId={titleId} answer={state.answer} />;
  const confirm = async (code: string) => {
    if (!/^\d{6}$/.test(code)) return setState({ ...state, error: t.value.mfa.enrolConfirm, tries: state.tries + 1 });
    try {
      const answer = await api.post<LoginAnswer & { recoveryCodes: string[] }>('/api/me/mfa/totp/confirm', { code });
      setState({ kind: 'codes', answer });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 400) return restart(t.value.mfa.enrolFailed);
      setState({ ...state, error: t.value.mfa.enrolWrong, tries: state.tries + 1 });
    }
  };
  // each answer gets a fresh, empty field with the keyboard in it
  return <Scan key={state.tries} titleId={titleId} secret={state.secret} qr={state.qr} error={state.error} confirm={confirm} />;
}

function Scan(props: { titleId: string; secret: string; qr: SVGElement; error: string; confirm(code: string): Promise<void> }) {
  const m = t.value.mfa;
  const codeId = useUid('code');
  const input = useRef<HTMLInputElement>(null);
  const qrHost = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  useLayoutEffect(() => {
    qrHost.current?.replaceChildren(props.qr.cloneNode(true));
    input.current?.focus();
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    await props.confirm((input.current?.value ?? '').replace(/\s/g, ''));
  };
  return (
    <>
      <h1 id={props.titleId}>{m.enrolTitle}</h1>
      <p class="tip">{m.enrolIntro}</p>
      <p>{m.enrolScan}</p>
      <div class="mfa-qr" role="img" aria-label={m.qrLabel} data-qa="mfa-qr" ref={qrHost} />
      <p class="hint">{m.enrolManual}</p>
      <p class="mfa-secret" data-qa="mfa-secret" translate={false}>{groups(props.secret)}</p>
      <form class="login-form" noValidate onSubmit={submit}>
        <div class="field">
          <label for={codeId}>{m.enrolConfirm}</label>
          <input ref={input} id={codeId} type="text" data-qa="mfa-code" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required />
        </div>
        <p class="error" role="alert">{props.error}</p>
        <button type="submit" class="primary" data-qa="mfa-confirm" disabled={busy}>{m.enrolSubmit}</button>
      </form>
    </>
  );
}

function RecoveryCodes({ auth, titleId, answer }: { auth: Auth; titleId: string; answer: LoginAnswer & { recoveryCodes: string[] } }) {
  const m = t.value.mfa;
  const savedId = useUid('saved');
  const [saved, setSaved] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => box.current?.focus(), []);
  return (
    <>
      <h1 id={titleId}>{m.codesTitle}</h1>
      <p class="notice warning">{m.codesIntro}</p>
      <ol class="recovery-codes" data-qa="mfa-recovery-codes" translate={false}>{answer.recoveryCodes.map((c) => <li key={c}><code>{c}</code></li>)}</ol>
      <div class="check">
        <input ref={box} type="checkbox" id={savedId} data-qa="mfa-saved" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
        <label for={savedId}>{m.codesSaved}</label>
      </div>
      <button type="button" class="primary" data-qa="mfa-continue" disabled={!saved} onClick={() => auth.signedIn(answer)}>{m.codesContinue}</button>
    </>
  );
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
