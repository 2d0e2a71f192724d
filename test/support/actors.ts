import type { Socket } from 'socket.io-client';
import { ask, connectStaff, connectSurvivor, login, next, type Ack } from './clients';
import type { StaffLogin, TestEnvironment } from './environment';

/** What the actors need of a test file's world: `liveService(…)` or `browserSuite(…)`. */
export interface World {
  env: TestEnvironment;
  readonly base: string;
  /** keeps a socket for closing after the test (or the file) */
  keep<T extends Socket>(socket: T): T;
}

/** A staff member signed in as production staff do, with a `/staff` socket open. */
export interface OnDuty extends StaffLogin { token: string; socket: Socket }

/** A survivor whose chat has started, and the answer that started it. */
export interface Started { socket: Socket; sessionId: string; resumeToken: string; position: number; ack: Ack }

export interface StaffInput {
  role?: string;
  languages?: string[];
  maxChats?: number;
  name?: string;
  /** sets presence to available (and checks the answer) once connected */
  available?: boolean;
  /** the gateway to sign in at and connect to (the file's first one unless said) */
  base?: string;
}

const SAFE = { immediateDanger: false };

/**
 * The people of a test: staff written to the file's database and signed in, survivors who
 * start a chat, and a chat made active between them. Every socket is kept by the world and
 * closed for the test.
 */
export function actors(world: World) {
  async function staff(input: StaffInput = {}): Promise<OnDuty> {
    const base = input.base ?? world.base;
    const person = await world.env.staff({ role: input.role, languages: input.languages, maxChats: input.maxChats, name: input.name });
    const token = await login(base, person.email, person.password);
    const socket = world.keep(await connectStaff(base, token));
    if (input.available) expect(await ask(socket, 'presence:set', { status: 'available' })).toMatchObject({ ok: true, status: 'available' });
    return { ...person, token, socket };
  }

  /** A counsellor (by default for Polish, one chat at a time, not yet available). */
  function counsellor(languages = ['pl'], more: Omit<StaffInput, 'role' | 'languages'> = {}): Promise<OnDuty> {
    return staff({ ...more, role: 'counsellor', languages });
  }

  /** A survivor on the chat page who starts a chat (checked to be accepted). */
  async function survivor(language = 'pl', triage: object = SAFE, base = world.base): Promise<Started> {
    const socket = world.keep(await connectSurvivor(base));
    const ack = await ask(socket, 'session:start', { language, triage });
    expect(ack.ok).toBe(true);
    return { socket, sessionId: ack.sessionId as string, resumeToken: ack.resumeToken as string, position: ack.position as number, ack };
  }

  /**
   * A survivor in an active chat with `counsellor`, who must be available with room: the chat
   * is offered to them (that chat, checked) and they accept it. `accepted` is their answer.
   */
  async function activeChat(counsellor: { socket: Socket }, language = 'pl', triage: object = SAFE, base = world.base): Promise<Started & { accepted: Ack }> {
    const offer = next<{ sessionId: string }>(counsellor.socket, 'offer');
    const started = await survivor(language, triage, base);
    expect((await offer).sessionId).toBe(started.sessionId);
    const accepted = await ask(counsellor.socket, 'offer:accept', { sessionId: started.sessionId });
    expect(accepted).toMatchObject({ ok: true });
    return { ...started, accepted };
  }

  return { staff, counsellor, survivor, activeChat };
}
