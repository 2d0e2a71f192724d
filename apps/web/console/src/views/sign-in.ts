import { ApiError } from '../api';
import type { Lang } from '../i18n';
import type { LoginAnswer, SignInStep } from '../screens';
import { t } from '../store';

/** What signing in asks of the console (App): the steps, and the language switch. */
export interface Auth {
  readonly email: string;
  signIn(email: string, password: string): Promise<SignInStep>;
  signInWithCode(token: string, method: 'totp' | 'recovery', code: string): Promise<void>;
  signedIn(answer: LoginAnswer): void;
  setLang(lang: Lang): Promise<void>;
}

/** What a refused sign-in step says (the same words for a wrong email, password or code). */
export function signInError(err: unknown, wrong = t.value.login.wrong): string {
  const copy = t.value;
  const status = err instanceof ApiError ? err.status : 0;
  return status === 401 || status === 400 ? wrong : status === 429 ? copy.login.throttled : status === 0 || status >= 500 ? copy.login.unavailable : copy.app.failed;
}
