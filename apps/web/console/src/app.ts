import { ApiError } from './api';
import { BoardFeed } from './board-feed';
import { DeskFeed } from './desk-feed';
import { MonitorFeed } from './monitor-feed';
import { isLang, type Copy, type Lang } from './i18n';
import { api, attention, setLink } from './services';
import { StaffLink } from './socket';
import * as store from './store';
import type { Notice, Presence, Staff } from './store';
import type { Listen, LoginAnswer, SignInStep, View } from './screens';
import { adminView } from './views/admin';
import { boardView } from './views/board';
import { deskView } from './views/desk';
import { forbiddenView } from './views/forbidden';
import { loginView } from './views/login';
import { shellView } from './views/shell';
import { statsView } from './views/stats';

export type { Presence, Role, Staff } from './store';
/** The password step's answer: signed in, or a code wanted, or a second factor to set up first. */
type PasswordAnswer = (LoginAnswer & { mfaEnrolmentRequired?: boolean }) | { mfa: { token: string; methods: string[] } };
interface Stored { token: string; email: string; expiresAt: number }


/** The token lives in this tab's sessionStorage at most: a reload keeps the shift going, closing the tab ends it. */
const STORE = 'prystan.console';

/**
 * The console: sign-in, the socket, routing between sections by role, and signing in again
 * when the sign-in ends — over the open screens, so nothing typed is lost.
 */
export class App {
  readonly api = api;
  readonly attention = attention;
  link?: StaffLink;
  /** The counsellor's desk: its feed, and its screen (drawn once, kept for the whole sign-in). */
  desk?: DeskFeed;
  private deskScreen?: View;
  /** The board's and the followed chat's feeds: a duty manager's only. */
  boardFeed?: BoardFeed;
  monitorFeed?: MonitorFeed;
  email = '';
  private shell?: ReturnType<typeof shellView>;
  private view?: View;
  private expiresAt = 0;
  private expiryTimer?: number;
  private reauth?: { el: HTMLElement; render(): void };
  private lastFocus?: Element | null;

  /** The store's values, for the views that still draw by hand. */
  get t(): Copy {
    return store.t.value;
  }

  get lang(): Lang {
    return store.lang.value;
  }

  get staff(): Staff | undefined {
    return store.staff.value;
  }

  get presence(): Presence {
    return store.presence.value;
  }

  get isManager(): boolean {
    return store.isManager.value;
  }

  get isAdmin(): boolean {
    return store.isAdmin.value;
  }

  async start(): Promise<void> {
    this.api.onUnauthorized = () => this.expire();
    document.documentElement.lang = this.lang;
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && this.staff && Date.now() >= this.expiresAt) void this.checkSignedIn();
    });
    const saved = readStore();
    if (saved) {
      Object.assign(this, { email: saved.email, expiresAt: saved.expiresAt });
      this.api.token = saved.token;
      try {
        const { staff } = await this.api.get<{ staff: Staff }>('/api/auth/me');
        return this.enter(staff);
      } catch {
        this.api.token = undefined;
        sessionStorage.removeItem(STORE);
      }
    }
    this.showLogin();
  }

  /**
   * The password step (first sign-in or again); an ApiError goes back to the form. An
   * enrolment-only token is kept in memory only (never in sessionStorage): a reload starts over.
   */
  async signIn(email: string, password: string): Promise<SignInStep> {
    this.api.token = undefined;
    const answer = await this.api.post<PasswordAnswer>('/api/auth/login', { email, password });
    this.email = email;
    if ('mfa' in answer) return { kind: 'code', token: answer.mfa.token };
    if (answer.mfaEnrolmentRequired) {
      this.api.token = answer.accessToken;
      return { kind: 'enrol' };
    }
    this.signedIn(answer);
    return { kind: 'done' };
  }

  /** The second step: a code from the app (`totp`) or a recovery code. */
  async signInWithCode(token: string, method: 'totp' | 'recovery', code: string): Promise<void> {
    this.api.token = undefined;
    this.signedIn(await this.api.post<LoginAnswer>(`/api/auth/login/${method}`, { token, code }));
  }

  /** A full sign-in: the token is kept for this tab, and the console opens (or resumes). */
  signedIn(answer: LoginAnswer): void {
    const { email } = this;
    this.api.token = answer.accessToken;
    this.expiresAt = Date.parse(answer.expiresAt);
    sessionStorage.setItem(STORE, JSON.stringify({ token: answer.accessToken, email, expiresAt: this.expiresAt } satisfies Stored));
    const previous = this.staff;
    if (!previous) return this.enter(answer.staff);
    // someone else signed in on this screen: nothing of the previous person may stay in memory
    if (previous.id !== answer.staff.id) return location.reload();
    this.resume(answer.staff);
  }

  async signOut(): Promise<void> {
    const open = store.deskChats.value.length;
    if (open > 0 && !window.confirm(this.t.app.signOutWithChats(open))) return;
    await this.link?.request('presence:set', { status: 'offline' }, 2000);
    await this.api.post('/api/auth/logout', {}).catch(() => undefined);
    sessionStorage.removeItem(STORE);
    this.link?.close();
    location.replace(location.pathname);
  }

  /** The sign-in ended (401, a refused socket, the expiry time): sign in again over what is open. */
  expire(): void {
    if (!this.staff || this.reauth) return;
    this.lastFocus = document.activeElement;
    this.link?.socket.disconnect();
    this.attention.flash('sign-in', this.t.login.expiredTitle);
    this.reauth = loginView(this, true);
    document.getElementById('app')!.inert = true;
    // placed first: the form takes the focus as it is drawn
    document.getElementById('overlay')!.replaceChildren(this.reauth.el);
    this.reauth.render();
  }

  async setLang(lang: Lang): Promise<void> {
    store.lang.value = lang;
    document.documentElement.lang = lang;
    this.shell?.render();
    this.deskScreen?.render();
    if (this.view !== this.deskScreen) this.view?.render();
    this.reauth?.render();
    if (this.staff) await this.api.patch('/api/me', { uiLanguage: lang }).catch(() => undefined);
  }

  async choosePresence(status: Presence): Promise<void> {
    const ack = await this.link!.request('presence:set', { status });
    // refused: the header goes back to the status the server still has
    if (ack.ok) this.setPresence(status);
    else this.notify('presence-failed', this.t.app.failed, 'error');
  }

  setPresence(status: Presence, reason?: string): void {
    store.presence.value = status;
    if (reason === 'offer-timeout') this.notify('away', this.t.presence.awayAfterTimeout, 'warning');
    if (status === 'available') store.clearNotice('away');
  }

  /** A notice under the header, also said to screen readers (alerts and errors interrupt). */
  notify(key: string, text: string, kind: Notice['kind'], link?: string): void {
    store.notify(key, text, kind, link);
  }

  clearNotice(key: string): void {
    store.clearNotice(key);
  }

  private showLogin(): void {
    const login = loginView(this, false);
    document.getElementById('app')!.replaceChildren(login.el);
    login.render();
  }

  private enter(staff: Staff): void {
    store.staff.value = staff;
    if (isLang(staff.uiLanguage)) store.lang.value = staff.uiLanguage;
    document.documentElement.lang = this.lang;
    this.scheduleExpiry();
    this.link = new StaffLink(() => this.api.token, {
      state: (state) => { store.connection.value = state; },
      unauthorized: () => this.expire(),
      connected: () => { void this.desk?.sync(); this.boardFeed?.refresh(); void this.monitorFeed?.resume(); },
    });
    setLink(this.link);
    this.desk = new DeskFeed();
    this.deskScreen = deskView(this.desk);
    if (this.isManager) {
      this.boardFeed = new BoardFeed();
      this.monitorFeed = new MonitorFeed();
    }
    const listen: Listen = (event, handler) => this.link!.on(event, handler);
    listen('presence', (p) => this.setPresence(p.status, p.reason));
    this.desk.listen(listen);
    this.boardFeed?.listen(listen);
    this.monitorFeed?.listen(listen);
    this.shell = shellView(this);
    document.getElementById('app')!.replaceChildren(this.shell.el);
    this.shell.render();
    window.addEventListener('hashchange', () => this.route(true));
    this.route(false);
    this.link.connect();
  }

  private resume(staff: Staff): void {
    store.staff.value = { ...staff, uiLanguage: this.lang };
    this.reauth = undefined;
    this.attention.stopFlash('sign-in');
    document.getElementById('overlay')!.replaceChildren();
    document.getElementById('app')!.inert = false;
    this.scheduleExpiry();
    this.link?.connect();
    if (this.lastFocus instanceof HTMLElement && this.lastFocus.isConnected) this.lastFocus.focus();
  }

  private route(focus: boolean): void {
    const path = location.hash.replace(/^#\/?/, '') || (this.isManager ? 'board' : 'chats');
    const [section, sub] = path.split('/');
    this.view?.leave?.();
    let view: View;
    if (section === 'board' && this.boardFeed && this.monitorFeed) view = boardView(this.boardFeed, this.monitorFeed);
    else if (section === 'stats' && this.isManager) view = statsView();
    else if (section === 'admin' && this.isAdmin) view = adminView(sub);
    else if (['board', 'stats', 'admin'].includes(section)) view = forbiddenView();
    else view = this.deskScreen!;
    this.view = view;
    this.shell!.show(view, section, focus);
  }

  private scheduleExpiry(): void {
    window.clearTimeout(this.expiryTimer);
    const delay = Math.min(this.expiresAt - Date.now() + 1000, 2 ** 31 - 1);
    if (delay > 0) this.expiryTimer = window.setTimeout(() => void this.checkSignedIn(), delay);
  }

  /** A 401 here calls `expire` through the API's hook. */
  private async checkSignedIn(): Promise<void> {
    await this.api.get('/api/auth/me').catch((err: unknown) => {
      if (!(err instanceof ApiError) || err.status !== 401) this.scheduleExpiry();
    });
  }
}

function readStore(): Stored | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORE) ?? 'null') as Stored | null;
    return value && typeof value.token === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
