import { randomBytes, randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { AppConfig } from '@prystan/config';
import { ask, type Ack } from './clients';
import type { TestEnvironment } from './environment';

/** The callers of the authorization matrix. `enrolment`: a token that may only finish setting up a second factor. */
export const ROLES = ['anonymous', 'survivor', 'counsellor', 'manager', 'admin', 'enrolment'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['counsellor', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a caller presents: a bearer token (HTTP, and the `/staff` handshake) and the gateway it was issued by. */
export interface Credential { base: string; token?: string }

/**
 * Enrolment-only tokens exist once the second factor is part of the build (its setting,
 * MFA_REQUIRED_ROLES, is in the configuration); until then that column is skipped.
 */
export const ENROLMENT_TOKENS = 'MFA_REQUIRED_ROLES' in new AppConfig();
export const ENROLMENT_PENDING = 'enrolment-only tokens come with the second factor (MFA_REQUIRED_ROLES), which this build does not have yet';

/** A socket that connected, or the reason the server refused it (`connect_error`). */
export type Opened = { socket: Socket; refused?: undefined } | { socket?: undefined; refused: string };

export function openSocket(base: string, namespace: string, token?: string): Promise<Opened> {
  const socket = io(`${base}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, ...(token ? { auth: { token } } : {}) });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (err: Error) => { socket.close(); resolve({ refused: err.message }); });
  });
}

/** Signs in with a password and returns the token, whatever else the answer carries. */
export async function signIn(base: string, email: string, password: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A full staff token for a role (the gateway must not ask that role for a second factor). */
export async function staffToken(env: TestEnvironment, base: string, role: StaffRole): Promise<{ token: string; id: string }> {
  const person = await env.staff({ role, languages: ['pl', 'uk', 'en'], maxChats: 3 });
  const { status, body } = await signIn(base, person.email, person.password);
  if (status !== 200 || typeof body.accessToken !== 'string' || body.mfaEnrolmentRequired) {
    throw new Error(`a ${role} could not get a full token (${status}): start this gateway with MFA_REQUIRED_ROLES empty`);
  }
  return { token: body.accessToken, id: person.id };
}

/** An enrolment-only token: an admin who has no second factor yet, on a gateway that requires one of admins. */
export async function enrolmentToken(env: TestEnvironment, base: string): Promise<string> {
  if (!ENROLMENT_TOKENS) throw new Error(ENROLMENT_PENDING);
  const person = await env.staff({ role: 'admin' });
  const { status, body } = await signIn(base, person.email, person.password);
  if (status !== 200 || body.mfaEnrolmentRequired !== true || typeof body.accessToken !== 'string') {
    throw new Error(`signing in without a second factor where one is required gave no enrolment token (${status})`);
  }
  return body.accessToken;
}

/** A survivor's credential: the resume token of a chat just started (never a staff token). */
export async function survivorToken(base: string): Promise<string> {
  const opened = await openSocket(base, '/chat');
  if (!opened.socket) throw new Error(`a survivor could not connect: ${opened.refused}`);
  try {
    const started = await ask(opened.socket, 'session:start', { language: 'pl', triage: { immediateDanger: false } });
    if (!started.ok) throw new Error(`a survivor could not start a chat: ${started.error?.code}`);
    return started.resumeToken as string;
  } finally {
    opened.socket.close();
  }
}

/**
 * An active chat of this staff member's own, written straight to the record (as a chat a
 * routing pass handed them would be), so that events allowed only in one's own chat can be
 * told apart from events refused for the role.
 */
export async function ownActiveChat(env: TestEnvironment, staffId: string): Promise<string> {
  const id = randomUUID();
  await env.sql(
    `INSERT INTO chat_session (id, language, state, priority, triage, resume_token_hash, counsellor_id, assigned_at, answered)
     VALUES ($1, 'pl', 'active', 3, '{"immediateDanger": false}', $2, $3, now(), true)`,
    [id, randomBytes(32), staffId],
  );
  return id;
}

/** A phone escalation raised by this staff member from their own chat (its phone result is theirs to record). */
export async function ownPhoneEscalation(env: TestEnvironment, base: string, token: string, chatId: string): Promise<string> {
  const [service] = await env.sql<{ id: string }>(`SELECT id FROM service WHERE channel_type = 'phone' AND active ORDER BY sort_order LIMIT 1`);
  const opened = await openSocket(base, '/staff', token);
  if (!opened.socket) throw new Error(`staff socket refused: ${opened.refused}`);
  try {
    const ack: Ack = await ask(opened.socket, 'escalation:create', {
      sessionId: chatId, serviceId: service.id, urgency: 'today', consent: true, details: { summary: 'authorization matrix' },
    });
    if (!ack.ok) throw new Error(`could not raise an escalation: ${ack.error?.code}`);
    return ack.escalationId as string;
  } finally {
    opened.socket.close();
  }
}
