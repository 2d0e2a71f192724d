import { computed, signal } from '@preact/signals';
import { announce } from './dom';
import { browserLang, COPY, type Lang } from './i18n';
import type { LinkState } from './socket';
import type { EscalationStatus, LiveSession, QueueStatus } from './wire';

export type Role = 'counsellor' | 'manager' | 'admin';
export type Presence = 'available' | 'away' | 'offline';
export interface Staff { id: string; name: string; role: Role; languages: Lang[]; maxChats: number; uiLanguage: string | null }
export interface Notice { key: string; text: string; kind: 'info' | 'warning' | 'error' | 'alert'; link?: string }

/**
 * What the console knows, as signals. The socket and API layer (app.ts, feeds) writes it; views
 * read it, and a component that reads a signal is drawn again when it changes — so a change
 * reaches the screen without anyone calling a `render` by hand.
 */

/** The console's language, and its copy. */
export const lang = signal<Lang>(browserLang(navigator.languages));
export const t = computed(() => COPY[lang.value]);

/** Who is signed in (unset before the first sign-in). */
export const staff = signal<Staff | undefined>(undefined);
export const isManager = computed(() => staff.value?.role === 'manager' || staff.value?.role === 'admin');
export const isAdmin = computed(() => staff.value?.role === 'admin');

/** My status as the server has it, and the socket's state. */
export const presence = signal<Presence>('offline');
export const connection = signal<LinkState>('connecting');

/** The board: each line's figures (`queue:status`, with when it came, for the ticking waits) and the live chats. */
export const queue = signal<{ status: QueueStatus; at: number } | undefined>(undefined);
export const liveSessions = signal<LiveSession[]>([]);

/** The newest status of every escalation this console has heard of, by escalation id. */
export const escalations = signal<ReadonlyMap<string, EscalationStatus>>(new Map());

/** Notices under the header: what must not be missed. */
export const notices = signal<Notice[]>([]);

/** A notice, also said to screen readers (alerts and errors interrupt); a plain "done" goes by itself after 10 s. */
export function notify(key: string, text: string, kind: Notice['kind'], link?: string): void {
  notices.value = [...notices.value.filter((n) => n.key !== key), { key, text, kind, link }];
  announce(text, kind === 'alert' || kind === 'error');
  if (kind === 'info') window.setTimeout(() => { if (notices.value.some((n) => n.key === key && n.text === text)) clearNotice(key); }, 10_000);
}

export function clearNotice(key: string): void {
  if (notices.value.some((n) => n.key === key)) notices.value = notices.value.filter((n) => n.key !== key);
}

export function escalationChanged(status: EscalationStatus): void {
  escalations.value = new Map(escalations.value).set(status.escalationId, status);
}

export function queueChanged(status: QueueStatus): void {
  queue.value = { status, at: Date.now() };
}
