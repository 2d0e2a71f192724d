import type { Db } from '../db';

export interface StoredTotp { secretSealed: Buffer; confirmed: boolean; lastStep: number | null }

/**
 * Staff second factors. Every "use once" rule (a TOTP time step, a recovery code, a sign-in
 * challenge) is one conditional statement, so two gateways racing on the same code cannot
 * both accept it.
 */
export class SecondFactorRepository {
  constructor(private readonly db: Db) {}

  async totp(staffId: string): Promise<StoredTotp | undefined> {
    const row = await this.db.one<{ secretSealed: Buffer; confirmedAt: Date | null; lastStep: string | null }>(
      `SELECT secret_sealed AS "secretSealed", confirmed_at AS "confirmedAt", last_step AS "lastStep" FROM staff_totp WHERE staff_id = $1`,
      [staffId],
    );
    return row && { secretSealed: row.secretSealed, confirmed: row.confirmedAt !== null, lastStep: row.lastStep === null ? null : Number(row.lastStep) };
  }

  async hasConfirmedTotp(staffId: string): Promise<boolean> {
    return (await this.db.one(`SELECT 1 FROM staff_totp WHERE staff_id = $1 AND confirmed_at IS NOT NULL`, [staffId])) !== undefined;
  }

  /** A new, unconfirmed secret replaces an unconfirmed one; false when one is already confirmed. */
  async savePendingTotp(staffId: string, secretSealed: Buffer): Promise<boolean> {
    const row = await this.db.one(
      `INSERT INTO staff_totp (staff_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (staff_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, last_step = NULL, created_at = now()
         WHERE staff_totp.confirmed_at IS NULL
       RETURNING 1`,
      [staffId, secretSealed],
    );
    return row !== undefined;
  }

  /** Marks a time step used; false when it (or a later one) was used already. */
  async useTotpStep(staffId: string, step: number): Promise<boolean> {
    const row = await this.db.one(
      `UPDATE staff_totp SET last_step = $2 WHERE staff_id = $1 AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < $2) RETURNING 1`,
      [staffId, step],
    );
    return row !== undefined;
  }

  /** Confirms the pending secret (its first code's step counts as used) and stores the recovery codes' hashes. */
  async confirmTotp(staffId: string, step: number, recoveryHashes: Buffer[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const row = await tx.one(
        `UPDATE staff_totp SET confirmed_at = now(), last_step = $2 WHERE staff_id = $1 AND confirmed_at IS NULL RETURNING 1`,
        [staffId, step],
      );
      if (!row) return false;
      await tx.rows(`DELETE FROM staff_recovery_code WHERE staff_id = $1`, [staffId]);
      await tx.rows(`INSERT INTO staff_recovery_code (staff_id, code_hash) SELECT $1, unnest($2::bytea[])`, [staffId, recoveryHashes]);
      return true;
    });
  }

  /** Spends a recovery code; false when it is unknown or was spent. */
  async useRecoveryCode(staffId: string, codeHash: Buffer): Promise<boolean> {
    const row = await this.db.one(
      `UPDATE staff_recovery_code SET used_at = now() WHERE staff_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING 1`,
      [staffId, codeHash],
    );
    return row !== undefined;
  }

  /** Removes every second factor and pending challenge of a person. */
  async reset(staffId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.rows(`DELETE FROM staff_totp WHERE staff_id = $1`, [staffId]);
      await tx.rows(`DELETE FROM staff_recovery_code WHERE staff_id = $1`, [staffId]);
      await tx.rows(`DELETE FROM staff_mfa_challenge WHERE staff_id = $1`, [staffId]);
    });
  }

  /** The step between the password and the code; stored as a hash like every token. */
  async createChallenge(tokenHash: Buffer, staffId: string, ttlSeconds: number): Promise<void> {
    await this.db.rows(`DELETE FROM staff_mfa_challenge WHERE expires_at < now()`);
    await this.db.rows(
      `INSERT INTO staff_mfa_challenge (token_hash, staff_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [tokenHash, staffId, ttlSeconds],
    );
  }

  /** Spends a challenge (whatever the code turns out to be) and returns whose it was, if still live. */
  async takeChallenge(tokenHash: Buffer): Promise<string | undefined> {
    const row = await this.db.one<{ staffId: string; live: boolean }>(
      `DELETE FROM staff_mfa_challenge WHERE token_hash = $1 RETURNING staff_id AS "staffId", expires_at > now() AS live`,
      [tokenHash],
    );
    return row?.live ? row.staffId : undefined;
  }
}
