import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { CONFIG, type Config } from '@prystan/config';
import { hashToken, newToken } from '@prystan/crypto';
import { StaffRepository, TokenRepository, type StaffRecord } from '@prystan/persistence';
import { RateLimits } from '../common/rate-limits';
import { addressKey } from '../common/client-address';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes). */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class BadCredentials extends Error {}

export interface LoginResult { accessToken: string; expiresAt: Date; staff: StaffRecord }

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private readonly dummyHash = argon2.hash('prystan-dummy-password', ARGON2_OPTIONS);

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly staff: StaffRepository,
    private readonly tokens: TokenRepository,
    private readonly limits: RateLimits,
  ) {}

  async login(email: string, password: string, clientAddress: string | undefined): Promise<LoginResult> {
    await this.limits.consume(this.limits.loginPerAddress, addressKey(this.config.appSecret, clientAddress), 'too many sign-in attempts; wait a few minutes');
    await this.limits.consume(this.limits.loginPerEmail, addressKey(this.config.appSecret, email.trim().toLowerCase()), 'too many sign-in attempts for this account; wait 15 minutes');
    const found = await this.staff.findForLogin(email);
    const valid = await argon2.verify(found?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!found || !valid || found.disabled) throw new BadCredentials();
    const accessToken = newToken();
    const expiresAt = await this.tokens.create(hashToken(accessToken), found.id, this.config.STAFF_TOKEN_TTL_SECONDS);
    const { passwordHash: _p, ...staff } = found;
    return { accessToken, expiresAt, staff };
  }

  async resolve(token: string | undefined): Promise<StaffRecord | undefined> {
    if (!token || token.length < 20 || token.length > 200) return undefined;
    return this.tokens.resolve(hashToken(token));
  }

  async logout(token: string): Promise<void> {
    await this.tokens.revoke(hashToken(token));
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
