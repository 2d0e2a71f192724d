import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { CONFIG, type Config } from '@prystan/config';
import { hashToken, Keyring, newToken } from '@prystan/crypto';
import { LOGGER, type AppLogger } from '@prystan/logging';
import { AuditRepository, SecondFactorRepository, StaffRepository, TokenRepository, type StaffRecord, type TokenAccess } from '@prystan/persistence';
import { Notifier } from '@prystan/platform';
import { LoginThrottle } from './login-throttle';
import { hashRecoveryCode } from './recovery-codes';
import { TokenLiveness } from './token-liveness';
import { tokenRoom } from './token-room';
import { totpStep } from './totp';
import { openTotpSecret } from './totp-secret-seal';
import { VerifyGate } from './verify-gate';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes). */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** The step between password and code, and a token that may only set up a second factor, live this long. */
export const CHALLENGE_TTL_SECONDS = 5 * 60;
export const ENROLMENT_TTL_SECONDS = 15 * 60;
/** Password checks at once per gateway (libuv has 4 threads), and how many may wait for one. */
const VERIFY_CONCURRENCY = 4;
const VERIFY_MAX_WAITING = 64;

export class BadCredentials extends Error {}
export interface SignedIn { accessToken: string; expiresAt: Date; staff: StaffRecord; enrolmentOnly: boolean }
export type LoginOutcome = ({ kind: 'signed-in' } & SignedIn) | { kind: 'second-factor'; token: string; methods: string[] };
export type SecondFactorMethod = 'totp' | 'recovery';

/**
 * Staff sign-in: the password (throttled, gated), then the second factor where the person has
 * one or their role needs one, then a bearer token. Every outcome is audited.
 */
@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly dummyHash = argon2.hash('prystan-dummy-password', ARGON2_OPTIONS);
  private readonly gate = new VerifyGate(VERIFY_CONCURRENCY, VERIFY_MAX_WAITING);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly staff: StaffRepository,
    private readonly tokens: TokenRepository,
    private readonly factors: SecondFactorRepository,
    private readonly audit: AuditRepository,
    private readonly throttle: LoginThrottle,
    private readonly liveness: TokenLiveness,
    private readonly notifier: Notifier,
    private readonly keyring: Keyring,
  ) {}

  async login(email: string, password: string, address: string | undefined): Promise<LoginOutcome> {
    await this.throttle.check(email, address);
    const found = await this.staff.findForLogin(email);
    const valid = await this.gate.run(async () => argon2.verify(found?.passwordHash ?? (await this.dummyHash), password).catch(() => false));
    if (!found || !valid || found.disabled) return this.refuse(email, address, found?.id ?? null, !found ? 'unknown-account' : found.disabled ? 'disabled' : 'password');
    const { passwordHash: _p, ...staff } = found;
    if (await this.factors.hasConfirmedTotp(staff.id)) {
      const token = newToken();
      await this.factors.createChallenge(hashToken(token), staff.id, CHALLENGE_TTL_SECONDS);
      return { kind: 'second-factor', token, methods: ['totp'] };
    }
    const enrolmentOnly = this.config.mfaRequiredRoles.includes(staff.role);
    return { kind: 'signed-in', ...(await this.signIn(staff, address, enrolmentOnly)) };
  }

  /** The second step: a challenge from `login` (spent whatever happens) and a code. */
  async completeSecondFactor(challenge: string, method: SecondFactorMethod, code: string, address: string | undefined): Promise<SignedIn> {
    const staffId = await this.factors.takeChallenge(hashToken(challenge));
    const staff = staffId && (await this.staff.findById(staffId));
    if (!staff || staff.disabled) throw new BadCredentials();
    await this.throttle.check(staff.email, address);
    const accepted = method === 'totp' ? await this.acceptTotp(staff.id, code) : await this.factors.useRecoveryCode(staff.id, hashRecoveryCode(this.config.appSecret, code));
    if (!accepted) return this.refuse(staff.email, address, staff.id, method === 'totp' ? 'totp' : 'recovery-code');
    if (method === 'recovery') this.logger.info({ staffId: staff.id }, 'signed in with a recovery code');
    return this.signIn(staff, address, false);
  }

  /** A full token for someone who just proved a second factor while holding an enrolment-only one. */
  async upgradeEnrolment(staff: StaffRecord, enrolmentToken: string): Promise<SignedIn> {
    await this.revoke(enrolmentToken);
    return this.issue(staff, false);
  }

  async resolve(token: string | undefined): Promise<TokenAccess | undefined> {
    if (!token || token.length < 20 || token.length > 200) return undefined;
    return this.tokens.access(hashToken(token));
  }

  /** Signs this token out and closes the sockets opened with it, on every gateway. */
  async logout(token: string): Promise<void> {
    const access = await this.resolve(token);
    await this.revoke(token);
    if (access) await this.audit.record(access.staff.id, 'auth.logout');
  }

  /** The socket.io room of the sockets opened with this token. */
  socketRoom(tokenHash: Buffer): string {
    return tokenRoom(this.config.appSecret, tokenHash);
  }

  private async revoke(token: string): Promise<void> {
    const hash = hashToken(token);
    await this.tokens.revoke(hash);
    this.liveness.forget(hash);
    this.notifier.disconnectStaffRoom(this.socketRoom(hash));
  }

  private async acceptTotp(staffId: string, code: string): Promise<boolean> {
    const stored = await this.factors.totp(staffId);
    if (!stored?.confirmed) return false;
    const step = await totpStep(openTotpSecret(this.keyring, staffId, stored.secretSealed), code);
    // the step is spent atomically: the same code (or an older one) never signs in twice
    return step !== undefined && (await this.factors.useTotpStep(staffId, step));
  }

  private async signIn(staff: StaffRecord, address: string | undefined, enrolmentOnly: boolean): Promise<SignedIn> {
    await this.throttle.succeeded(staff.email, address);
    const signedIn = await this.issue(staff, enrolmentOnly);
    await this.audit.record(staff.id, 'auth.login');
    return signedIn;
  }

  private async issue(staff: StaffRecord, enrolmentOnly: boolean): Promise<SignedIn> {
    const accessToken = newToken();
    const ttl = enrolmentOnly ? Math.min(ENROLMENT_TTL_SECONDS, this.config.STAFF_TOKEN_TTL_SECONDS) : this.config.STAFF_TOKEN_TTL_SECONDS;
    const expiresAt = await this.tokens.create(hashToken(accessToken), staff.id, ttl, enrolmentOnly);
    return { accessToken, expiresAt, staff, enrolmentOnly };
  }

  private async refuse(email: string, address: string | undefined, staffId: string | null, reason: string): Promise<never> {
    await this.throttle.failed(email, address);
    await this.audit.record(staffId, 'auth.login-failed');
    this.logger.info({ account: this.throttle.accountRef(email), reason }, 'sign-in failed');
    throw new BadCredentials();
  }
}

export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}
