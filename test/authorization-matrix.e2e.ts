import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ask } from './support/clients';
import {
  ENROLMENT_PENDING, ENROLMENT_TOKENS, enrolmentToken, openSocket, ownActiveChat, ownPhoneEscalation, ROLES, STAFF_ROLES,
  staffToken, survivorToken, type Credential, type Role, type StaffRole,
} from './support/access';
import { liveService } from './support/live-service';
import { gatewayInterface, type HttpRoute, type SocketEvent } from './support/gateway-interface';
import { ROOT } from './support/processes';

/**
 * Who may call what: every HTTP route and every socket event the gateway serves, for every
 * kind of caller. The lists of routes and events are read from the gateway's own module (the
 * same registry the product exports), and must match this table exactly: a new route or
 * event without an entry here fails the first test.
 *
 * Refused means 401 for a caller with no staff token (anonymous, a survivor's resume token),
 * 403 for a staff member whose role lacks the right (`mfa_required` for an enrolment-only
 * token), and for `/staff` a refused handshake or a `forbidden` acknowledgement. Allowed means
 * anything else but a 5xx: the probes use ids that do not exist and bodies that are often
 * incomplete, so an allowed call commonly answers 400, 404 or 409 and changes nothing.
 */

const EVERYONE: Role[] = [...ROLES];
const STAFF: Role[] = [...STAFF_ROLES];
const MANAGERS: Role[] = ['manager', 'admin'];
const ADMINS: Role[] = ['admin'];
/** `/api/auth/*` and `/api/me/mfa/*` are the only routes an enrolment-only token may call. */
const SIGNING_IN: Role[] = [...STAFF, 'enrolment'];

/** What each staff role's probes may refer to: an active chat of their own and a phone escalation raised from it. */
interface Own { chatId: string; escalationId: string }

interface RouteProbe { allowed: Role[]; query?: string; body?: unknown; param?: () => string; spendsToken?: boolean }
interface EventProbe { allowed: Role[]; payload: (own?: Own) => unknown }

const unknownId = () => randomUUID();

const ROUTES: Record<string, RouteProbe> = {
  'DELETE /api/admin/canned/:id': { allowed: ADMINS, param: unknownId },
  'GET /api/admin/audit': { allowed: ADMINS, query: 'limit=1' },
  'GET /api/admin/canned': { allowed: ADMINS },
  'GET /api/admin/services': { allowed: ADMINS },
  'GET /api/admin/staff': { allowed: ADMINS },
  'GET /api/auth/me': { allowed: SIGNING_IN },
  'GET /api/availability': { allowed: EVERYONE, query: 'language=pl' },
  'GET /api/board/on-duty': { allowed: MANAGERS },
  'GET /api/board/waits': { allowed: MANAGERS },
  'GET /api/canned': { allowed: STAFF },
  'GET /api/escalations': { allowed: MANAGERS },
  'GET /api/escalations/ack/:token': { allowed: EVERYONE, param: () => 'not-a-real-link' },
  'GET /api/health': { allowed: EVERYONE },
  'GET /api/queue': { allowed: MANAGERS },
  'GET /api/services': { allowed: EVERYONE, query: 'language=uk' },
  'GET /api/services/all': { allowed: ADMINS },
  'GET /api/stats': { allowed: MANAGERS },
  'GET /api/stats/csv': { allowed: MANAGERS },
  'GET /api/team/available': { allowed: STAFF, query: 'language=en' },
  'GET /assets/:file': { allowed: EVERYONE, param: () => readdirSync(join(ROOT, 'dist/public/assets'))[0] },
  'GET /chat': { allowed: EVERYONE },
  'GET /console': { allowed: EVERYONE },
  'GET /widget.js': { allowed: EVERYONE },
  'PATCH /api/admin/canned/:id': { allowed: ADMINS, param: unknownId, body: {} },
  'PATCH /api/admin/services/:id': { allowed: ADMINS, param: unknownId, body: {} },
  'PATCH /api/admin/staff/:id': { allowed: ADMINS, param: unknownId, body: {} },
  'PATCH /api/me': { allowed: STAFF, body: {} },
  'PATCH /api/services/:id': { allowed: ADMINS, param: unknownId, body: { active: true } },
  'POST /api/admin/canned': { allowed: ADMINS, body: {} },
  'POST /api/admin/staff': { allowed: ADMINS, body: {} },
  'POST /api/auth/login': { allowed: EVERYONE, body: {} },
  'POST /api/auth/logout': { allowed: SIGNING_IN, spendsToken: true },
  'POST /api/escalations/ack/:token': { allowed: EVERYONE, param: () => 'not-a-real-link' },
  'POST /api/services': { allowed: ADMINS, body: {} },
};

/**
 * The second factor's routes (contract, version 2), served once that work is in the build: the
 * table holds them from now on, and they join the check with the enrolment column.
 */
const SECOND_FACTOR_ROUTES: Record<string, RouteProbe> = {
  'POST /api/admin/staff/:id/mfa-reset': { allowed: ADMINS, param: unknownId, body: {} },
  'POST /api/auth/login/recovery': { allowed: EVERYONE, body: {} },
  'POST /api/auth/login/totp': { allowed: EVERYONE, body: {} },
  'POST /api/me/mfa/totp': { allowed: SIGNING_IN },
  'POST /api/me/mfa/totp/confirm': { allowed: SIGNING_IN, body: {} },
};
const ALL_ROUTES: Record<string, RouteProbe> = { ...ROUTES, ...(ENROLMENT_TOKENS ? SECOND_FACTOR_ROUTES : {}) };

const chatEvent = (payload: unknown): EventProbe => ({ allowed: EVERYONE, payload: () => payload });

const EVENTS: Record<string, EventProbe> = {
  '/chat message:send': chatEvent({ clientId: 'matrix', text: 'authorization matrix' }),
  '/chat session:end': chatEvent({}),
  '/chat session:resume': chatEvent({ resumeToken: 'x'.repeat(43) }),
  '/chat session:start': chatEvent({ language: 'pl', triage: { immediateDanger: false } }),
  '/chat typing': chatEvent({ isTyping: true }),
  '/staff escalation:create': { allowed: STAFF, payload: (own) => ({ sessionId: own?.chatId, serviceId: unknownId(), urgency: 'today', consent: true, details: { summary: 'probe' } }) },
  '/staff escalation:phone-result': { allowed: STAFF, payload: (own) => ({ escalationId: own?.escalationId, result: 'called' }) },
  '/staff message:send': { allowed: STAFF, payload: (own) => ({ sessionId: own?.chatId, clientId: randomUUID(), text: 'authorization matrix' }) },
  '/staff offer:accept': { allowed: STAFF, payload: () => ({ sessionId: unknownId() }) },
  '/staff offer:decline': { allowed: STAFF, payload: () => ({ sessionId: unknownId() }) },
  '/staff presence:set': { allowed: STAFF, payload: () => ({ status: 'offline' }) },
  '/staff session:close': { allowed: STAFF, payload: () => ({ sessionId: unknownId(), outcome: 'test', riskLevel: 'none', categories: [] }) },
  '/staff session:monitor': { allowed: MANAGERS, payload: () => ({ sessionId: unknownId() }) },
  '/staff session:reassign': { allowed: MANAGERS, payload: () => ({ sessionId: unknownId(), toLanguage: 'uk' }) },
  '/staff session:transfer': { allowed: STAFF, payload: () => ({ sessionId: unknownId(), toLanguage: 'uk' }) },
  '/staff session:unmonitor': { allowed: STAFF, payload: () => ({ sessionId: unknownId() }) },
  '/staff sessions:list': { allowed: MANAGERS, payload: () => ({ scope: 'live' }) },
  '/staff typing': { allowed: STAFF, payload: (own) => ({ sessionId: own?.chatId, isTyping: true }) },
};

describe('authorization matrix', () => {
  // the matrix is about roles: no limit of the shipped configuration may answer first
  const limits = { STAFF_EVENTS_PER_10S: '100000', SESSION_STARTS_PER_10MIN: '100000' };
  const live = liveService({ ...limits, MFA_REQUIRED_ROLES: '' }, { workers: 0 });
  const { env } = live;
  let served: { routes: HttpRoute[]; events: SocketEvent[] };
  /** a second gateway on the same record that requires admins to have a second factor: where enrolment tokens come from */
  let enrolmentBase: string;
  const tokens = new Map<Role, string>();
  const own = new Map<StaffRole, Own>();

  /** The credential a role presents; `fresh` for a call that spends its token (logout). */
  const tokenFor: Record<Role, (fresh: boolean) => Promise<Credential>> = {
    anonymous: async () => ({ base: live.base }),
    survivor: async () => ({ base: live.base, token: tokens.get('survivor') }),
    counsellor: async (fresh) => ({ base: live.base, token: fresh ? (await staffToken(env, live.base, 'counsellor')).token : tokens.get('counsellor') }),
    manager: async (fresh) => ({ base: live.base, token: fresh ? (await staffToken(env, live.base, 'manager')).token : tokens.get('manager') }),
    admin: async (fresh) => ({ base: live.base, token: fresh ? (await staffToken(env, live.base, 'admin')).token : tokens.get('admin') }),
    enrolment: async () => ({ base: enrolmentBase, token: await enrolmentToken(env, enrolmentBase) }),
  };
  /** The columns this build can test; the enrolment column waits for the second factor. */
  const testable = (role: Role) => role !== 'enrolment' || ENROLMENT_TOKENS;

  beforeAll(async () => {
    served = await gatewayInterface(env.env());
    if (ENROLMENT_TOKENS) enrolmentBase = await env.gateway({ MFA_REQUIRED_ROLES: 'admin' });
    tokens.set('survivor', await survivorToken(live.base));
    for (const role of STAFF_ROLES) {
      const { token, id } = await staffToken(env, live.base, role);
      tokens.set(role, token);
      const chatId = await ownActiveChat(env, id);
      own.set(role, { chatId, escalationId: await ownPhoneEscalation(env, live.base, token, chatId) });
    }
  });

  it('has one entry for every route and event the gateway serves, and none for anything it does not', () => {
    const missing = (from: string[], other: string[]) => from.filter((k) => !other.includes(k));
    const routes = served.routes.map((r) => r.key);
    const events = served.events.map((e) => e.key);
    expect({ routesWithoutEntry: missing(routes, Object.keys(ALL_ROUTES)), eventsWithoutEntry: missing(events, Object.keys(EVENTS)) })
      .toEqual({ routesWithoutEntry: [], eventsWithoutEntry: [] });
    expect({ entriesNotServed: [...missing(Object.keys(ALL_ROUTES), routes), ...missing(Object.keys(EVENTS), events)] }).toEqual({ entriesNotServed: [] });
  });

  describe.each(ROLES.map((role) => [role]))('%s', (role) => {
    const maybe = testable(role) ? it : it.skip;
    if (!testable(role)) it.todo(`(skipped: ${ENROLMENT_PENDING})`);

    maybe.each(Object.keys(ALL_ROUTES).map((key) => [key]))('%s', async (key) => {
      const probe = ALL_ROUTES[key];
      const { base: at, token } = await tokenFor[role](!!probe.spendsToken);
      const [method, template] = key.split(' ');
      const path = template.replace(/:[a-z]+/i, () => encodeURIComponent(probe.param!()));
      const res = await fetch(`${at}${path}${probe.query ? `?${probe.query}` : ''}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(probe.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: probe.body !== undefined ? JSON.stringify(probe.body) : undefined,
      });
      const error = res.status >= 400 ? ((await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }).error : undefined;
      const answer = { status: res.status, code: error?.code };
      if (probe.allowed.includes(role)) {
        expect(answer.status).toBeLessThan(500);
        expect([401, 403, 429]).not.toContain(answer.status);
        // the handler answered, not the router: the registry lists what the process serves
        expect(error?.message).not.toBe('no such route');
      } else if (role === 'anonymous' || role === 'survivor') {
        expect(answer).toEqual({ status: 401, code: 'unauthorized' });
      } else {
        expect(answer).toEqual({ status: 403, code: role === 'enrolment' ? 'mfa_required' : 'forbidden' });
      }
    });

    maybe.each(Object.keys(EVENTS).map((key) => [key]))('%s', async (key) => {
      const probe = EVENTS[key];
      const [namespace, event] = key.split(' ');
      const { base: at, token } = await tokenFor[role](false);
      // a survivor on /chat is a connection that has started a chat; on /staff it offers its resume token
      const opened = await openSocket(at, namespace, token);
      if (!probe.allowed.includes(role) && namespace === '/staff' && !(STAFF as string[]).includes(role)) {
        expect(opened.refused).toBe(role === 'enrolment' ? 'mfa_required' : 'unauthorized');
        return;
      }
      if (!opened.socket) throw new Error(`${role} could not connect to ${namespace}: ${opened.refused}`);
      try {
        if (role === 'survivor' && namespace === '/chat') expect((await ask(opened.socket, 'session:start', { language: 'en', triage: { immediateDanger: false } })).ok).toBe(true);
        const ack = await ask(opened.socket, event, probe.payload(own.get(role as StaffRole)));
        if (probe.allowed.includes(role)) {
          expect(ack.error?.code ?? 'ok').not.toMatch(/^(forbidden|rate_limited|unavailable)$/);
        } else {
          expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        }
        expect(opened.socket.connected).toBe(true);
      } finally {
        opened.socket.close();
      }
    });
  });

  it('failed no request or event while refusing and answering all of that', () => {
    expect(env.logs).not.toMatch(/"msg":"(request failed|socket event failed|uncaught exception|unhandled rejection)"/);
  });
});
