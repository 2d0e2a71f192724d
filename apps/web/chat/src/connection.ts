import { io, type Socket } from 'socket.io-client';
import type { Ack as ContractAck, AckOf, PayloadOf, SurvivorEvents, ToSurvivor } from '../../../../libs/contract/src/browser';

/** The `/chat` socket, typed with the contract's event maps (types only: nothing of them is bundled). */
export type ChatSocket = Socket<ToSurvivor, SurvivorEvents>;
export type Ack = ContractAck;
export type AnswerTo<E extends keyof SurvivorEvents> = AckOf<SurvivorEvents, E>;

/**
 * The survivor's socket, same origin only. WebSocket transport only: several gateways may
 * run behind a plain load balancer, and socket.io reconnects by itself with backoff.
 */
export function connect(): ChatSocket {
  return io('/chat', { transports: ['websocket'], reconnection: true, reconnectionDelay: 500, reconnectionDelayMax: 5000, timeout: 10_000 });
}

/** What a request resolves with when the server does not answer (every event's acknowledgement allows it). */
const NO_ANSWER: Ack = { ok: false, error: { code: 'unavailable', message: 'no answer' } };

/** An emit that resolves with the acknowledgement, or with `unavailable` after a timeout. */
export function request<E extends keyof SurvivorEvents>(socket: ChatSocket, event: E, payload: PayloadOf<SurvivorEvents, E>, timeoutMs = 8000): Promise<AnswerTo<E>> {
  return new Promise((resolve) => {
    // socket.io's typings cannot follow a generic event name through `timeout().emit`; the signature above holds the types
    (socket as unknown as Socket).timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: AnswerTo<E>) => {
      resolve(err || !ack || typeof ack !== 'object' ? (NO_ANSWER as AnswerTo<E>) : ack);
    });
  });
}
