import type { IncomingMessage } from 'node:http';
import type { Config } from '@prystan/config';
import type { AppLogger } from '@prystan/logging';

/** One frame from a client over this closes its connection (the transport's own limit); nothing else is affected. */
export const MAX_FRAME_BYTES = 64 * 1024;

/**
 * The origins whose pages may open a socket: the service's own (PUBLIC_URL) and the host sites
 * in EMBED_ORIGINS. Without PUBLIC_URL (development) the default is a loopback address, and
 * its loopback spellings are the same machine, so they are allowed too: a page opened as
 * http://127.0.0.1:3000 works like http://localhost:3000.
 */
export function socketOrigins(config: Pick<Config, 'publicUrl' | 'embedOrigins' | 'PUBLIC_URL' | 'PORT'>): ReadonlySet<string> {
  const own = new URL(config.publicUrl).origin;
  const loopback = config.PUBLIC_URL ? [] : ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${config.PORT}`);
  return new Set([own, ...config.embedOrigins, ...loopback]);
}

/**
 * Cross-site WebSocket hijacking guard: a browser always sends `Origin` on a WebSocket
 * handshake, so a page elsewhere cannot open `/chat` or `/staff` from its visitors' browsers.
 * No `Origin` at all is a non-browser client (an integration, a test), which a page cannot fake.
 */
export function originAllowed(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  return origin === undefined || allowed.has(origin);
}

type AllowRequest = (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => void;

/**
 * The engine-level options of the socket server. WebSocket only: a long-polling request is
 * answered 400 by the transport check, so there is no polling session to keep per gateway (no
 * sticky sessions behind a proxy) and one kind of connection to cap. The origin is checked in
 * `allowRequest`, at the handshake, before the upgrade.
 */
export function socketSurface(config: Config, logger: AppLogger): { transports: ['websocket']; maxHttpBufferSize: number; allowRequest: AllowRequest } {
  const allowed = socketOrigins(config);
  // one line a minute at most: a foreign page's visitors would otherwise write one per reconnection attempt
  let loggedAt = 0;
  let unlogged = 0;
  return {
    transports: ['websocket'],
    maxHttpBufferSize: MAX_FRAME_BYTES,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (originAllowed(origin, allowed)) return callback(null, true);
      if (Date.now() - loggedAt >= 60_000) {
        // the site is no secret (an address in it is scrubbed by the logger); it tells an operator which one to list, if it is theirs
        logger.warn({ origin: String(origin).slice(0, 200), alsoRefused: unlogged }, 'socket connection refused: origin not in PUBLIC_URL or EMBED_ORIGINS');
        loggedAt = Date.now();
        unlogged = 0;
      } else {
        unlogged += 1;
      }
      callback('origin not allowed', false);
    },
  };
}
