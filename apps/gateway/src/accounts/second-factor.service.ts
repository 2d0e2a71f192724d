import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '@prystan/config';
import { conflict, invalidInput } from '@prystan/contract';
import { Keyring } from '@prystan/crypto';
import { AuditRepository, SecondFactorRepository, TokenRepository, type StaffRecord } from '@prystan/persistence';
import { Notifier } from '@prystan/platform';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, totpStep, totpUri } from './totp';
import { openTotpSecret, sealTotpSecret } from './totp-secret-seal';

const ISSUER = 'Prystan';

/**
 * Setting up a second factor (secret first, confirmed by a first code, then ten recovery
 * codes shown once) and removing it (an admin or the command line), which also signs the
 * person out everywhere.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly factors: SecondFactorRepository,
    private readonly tokens: TokenRepository,
    private readonly audit: AuditRepository,
    private readonly notifier: Notifier,
    private readonly keyring: Keyring,
  ) {}

  /** A new secret, not active until confirmed. A confirmed one is never replaced here (an admin resets it). */
  async startTotp(staff: StaffRecord): Promise<{ secret: string; otpauthUrl: string }> {
    const secret = newTotpSecret();
    if (!(await this.factors.savePendingTotp(staff.id, sealTotpSecret(this.keyring, staff.id, secret)))) {
      throw conflict('a second factor is already set up; an administrator can reset it');
    }
    return { secret, otpauthUrl: totpUri(secret, ISSUER, staff.email) };
  }

  /** Confirms the pending secret with a current code; answers the recovery codes, the only time they exist in the clear. */
  async confirmTotp(staff: StaffRecord, code: string): Promise<string[]> {
    const stored = await this.factors.totp(staff.id);
    if (!stored) throw conflict('start setting up a second factor first');
    if (stored.confirmed) throw conflict('a second factor is already set up');
    const step = await totpStep(openTotpSecret(this.keyring, staff.id, stored.secretSealed), code);
    if (step === undefined) throw invalidInput('code: that is not the current code; check the time on your phone and try the next one');
    const codes = newRecoveryCodes();
    if (!(await this.factors.confirmTotp(staff.id, step, codes.map((c) => hashRecoveryCode(this.config.appSecret, c))))) {
      throw conflict('a second factor is already set up');
    }
    await this.audit.record(staff.id, 'auth.mfa-enrolled');
    return codes;
  }

  /** Removes the person's second factors and revokes every token (their sockets close on every gateway). */
  async reset(actorId: string | null, staffId: string): Promise<void> {
    await this.factors.reset(staffId);
    await this.tokens.revokeAllFor(staffId);
    this.notifier.disconnectStaff(staffId);
    await this.audit.record(actorId, 'auth.mfa-reset', { targetStaffId: staffId });
  }
}
