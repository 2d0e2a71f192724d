import { io, type Socket } from 'socket.io-client';
import { answerChallenge, enrolSecondFactor } from './second-factor';

export type Ack = { ok: boolean; error?: { code: string; message: string }; [key: string]: unknown };

/** Emits an event and resolves with its acknowledgement (rejects if none comes). */
export function ask(socket: Socket, event: string, payload?: unknown, timeoutMs = 5000): Promise<Ack> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), timeoutMs);
    const done = (ack: Ack) => { clearTimeout(timer); resolve(ack); };
    if (payload === undefined) socket.emit(event, done);
    else socket.emit(event, payload, done);
  });
}

/** The next `event` on the socket, optionally the first that matches. */
export function next<T = Record<string, unknown>>(socket: Socket, event: string, match: (p: T) => boolean = () => true, timeoutMs = 8000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { socket.off(event, handler); reject(new Error(`no ${event} within ${timeoutMs} ms`)); }, timeoutMs);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

/** Collects every `event` the socket receives from now on. */
export function collect<T = Record<string, unknown>>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (p: T) => seen.push(p));
  return seen;
}

export async function connectSurvivor(base: string): Promise<Socket> {
  const socket = io(`${base}/chat`, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export async function connectStaff(base: string, token: string): Promise<Socket> {
  const socket = io(`${base}/staff`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/**
 * Signs in as production staff do: with a code from their authenticator when they have a
 * second factor, and setting one up first when their role needs one and they have none.
 */
export async function login(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const body = (await res.json()) as { accessToken?: string; mfaEnrolmentRequired?: boolean; mfa?: { token: string } };
  if (body.mfa) {
    const second = await answerChallenge(base, email, body.mfa.token);
    if (second.status !== 200) throw new Error(`login with a code failed: ${second.status}`);
    return ((await second.json()) as { accessToken: string }).accessToken;
  }
  if (body.mfaEnrolmentRequired) return enrolSecondFactor(base, body.accessToken!, email);
  return body.accessToken!;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a truthy value. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 8000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(everyMs);
  }
}
