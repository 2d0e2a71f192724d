import type { Staff } from './store';
import type { ToStaff } from './wire';

// What the app and its screens agree on, kept apart from both: the app imports the screens, and
// a screen needs these types without importing the app back.

/** A screen of the console. `render` rebuilds it from its state (also after a language change). */
export interface View { readonly el: HTMLElement; render(): void; leave?(): void }
/** Listens to a server event of the `/staff` socket (payloads typed by the contract's map). */
export type Listen = <E extends keyof ToStaff>(event: E, handler: ToStaff[E]) => void;
export interface LoginAnswer { accessToken: string; expiresAt: string; staff: Staff }
export type SignInStep = { kind: 'done' } | { kind: 'code'; token: string } | { kind: 'enrol' };
