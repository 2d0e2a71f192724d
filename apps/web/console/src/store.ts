import { computed, signal } from '@preact/signals';
import { announce } from './dom';
import { browserLang, COPY, type Lang } from './i18n';
import type { LinkState } from './socket';
import type { CannedReply, LiveSession, Message, Offer, QueueStatus, RiskSignal, Triage } from './wire';

export type Role = 'counsellor' | 'manager' | 'admin';
export type Presence = 'available' | 'away' | 'offline';
export interface Staff { id: string; name: string; role: Role; languages: Lang[]; maxChats: number; uiLanguage: string | null }
export interface BoardAlert { id: number; text: string; at: Date }
export interface OnDuty { id: string; name: string; role: Role; languages: Lang[]; presence: 'available' | 'away'; since: string; maxChats: number; activeChats: number; offers: number }
export interface BoardEscalation {
  escalationId: string; serviceId: string; serviceName: string; serviceKind: string; channel: string; urgency: string; status: string; phoneResult: string | null;
  attempts: number; staffName: string; createdAt: string;
}
export interface Followed { sessionId: string; language: Lang; counsellorName: string | null; messages: Message[]; ended: boolean }
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

/** The section on screen, and what the Chats link counts (offers, unread messages, chats waiting for their form). */
export const section = signal('chats');
export const attentionCount = signal(0);

/** My status as the server has it, and the socket's state. */
export const presence = signal<Presence>('offline');
export const connection = signal<LinkState>('connecting');

/** The board: each line's figures (`queue:status`, with when it came, for the ticking waits) and the live chats (when fetched). */
export const queue = signal<{ status: QueueStatus; at: number } | undefined>(undefined);
export const liveSessions = signal<{ rows: LiveSession[]; at: number }>({ rows: [], at: Date.now() });
/** The board's clock: one tick a second, for the waits and times that count up between updates. */
export const now = signal(Date.now());
/** The board's alerts (newest first), and after how many seconds a priority wait raises one. */
export const boardAlerts = signal<BoardAlert[]>([]);
export const alertThreshold = signal(60);
/** Who is on duty, and the escalations still open (with the services' names in each console language). */
export const onDuty = signal<OnDuty[]>([]);
export const escalations = signal<BoardEscalation[]>([]);
export const serviceNames = signal<ReadonlyMap<Lang, ReadonlyMap<string, string>>>(new Map());
/** Today's contacts per local hour and wait band (unset until loaded). */
export const waits = signal<number[][] | undefined>(undefined);
/** The live chat a duty manager follows, read only, and the waiting chat being reassigned. */
export const followed = signal<Followed | undefined>(undefined);
export const reassigning = signal<LiveSession | undefined>(undefined);

/**
 * An offer on the desk: when it came (its countdown and the wait count from then), whether an
 * answer to Accept or Decline is on its way, what went wrong, and whether it should take the
 * focus when drawn. `key` tells a new offer of the same chat from the one it replaced.
 */
export interface DeskOffer { key: number; offer: Offer; received: number; busy: boolean; message: string; focus: boolean }
/** The desk's offers, oldest first (written by the desk from the socket's events and its lists). */
export const deskOffers = signal<readonly DeskOffer[]>([]);

/** Which form is open beside a chat ('chat': none). */
export type ChatMode = 'chat' | 'close' | 'transfer' | 'escalate';
/**
 * A chat on the desk as its list and its header show it: its number on the desk, line, unread
 * messages, form still to fill in, risk, and the facts and state its header and banners show.
 */
export interface DeskChat {
  sessionId: string; number: number; language: Lang; unread: number; needsForm: boolean; flagged: boolean;
  assignedAt: string | null; state: 'active' | 'ended'; endedBy: string | null; quickExit: boolean; riskFlags: string[]; riskSignals: RiskSignal[];
  survivorConnected: boolean; triage: Triage; mode: ChatMode;
}
/** The desk's chats in the order they came, and the one on screen (written by the desk). */
export const deskChats = signal<readonly DeskChat[]>([]);
export const selectedChat = signal<string | undefined>(undefined);

/** The quick replies (all languages), loaded once a chat is open. */
export const canned = signal<CannedReply[]>([]);

export function cannedFor(language: string): CannedReply[] {
  return canned.value.filter((c) => c.language === language);
}

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

