import type { Db } from '../db';
import type { StaffRecord } from './staff.repository';

/** What a live token grants: its person, whether it may only set up a second factor, and until when. */
export interface TokenAccess { staff: StaffRecord; enrolmentOnly: boolean; expiresAt: Date }

/** Staff access tokens, stored as SHA-256 only; deleting the row signs the person out everywhere it was used. */
export class TokenRepository {
  constructor(private readonly db: Db) {}

  async create(hash: Buffer, staffId: string, ttlSeconds: number, enrolmentOnly = false): Promise<Date> {
    const row = await this.db.one<{ expiresAt: Date }>(
      `INSERT INTO staff_token (token_hash, staff_id, expires_at, enrolment_only) VALUES ($1, $2, now() + make_interval(secs => $3), $4) RETURNING expires_at AS "expiresAt"`,
      [hash, staffId, ttlSeconds, enrolmentOnly],
    );
    return row!.expiresAt;
  }

  /** The staff member a live token belongs to; disabled staff have no live tokens. */
  async resolve(hash: Buffer): Promise<StaffRecord | undefined> {
    return this.db.one<StaffRecord>(
      `SELECT s.id, s.email, s.name, s.role, s.languages, s.max_chats AS "maxChats", s.disabled, s.presence,
              s.presence_since AS "presenceSince", s.ui_language AS "uiLanguage"
       FROM staff_token t JOIN staff s ON s.id = t.staff_id
       WHERE t.token_hash = $1 AND t.expires_at > now() AND NOT s.disabled`,
      [hash],
    );
  }

  /** As `resolve`, with what the token allows and its expiry. */
  async access(hash: Buffer): Promise<TokenAccess | undefined> {
    const row = await this.db.one<StaffRecord & { enrolmentOnly: boolean; expiresAt: Date }>(
      `SELECT s.id, s.email, s.name, s.role, s.languages, s.max_chats AS "maxChats", s.disabled, s.presence,
              s.presence_since AS "presenceSince", s.ui_language AS "uiLanguage",
              t.enrolment_only AS "enrolmentOnly", t.expires_at AS "expiresAt"
       FROM staff_token t JOIN staff s ON s.id = t.staff_id
       WHERE t.token_hash = $1 AND t.expires_at > now() AND NOT s.disabled`,
      [hash],
    );
    if (!row) return undefined;
    const { enrolmentOnly, expiresAt, ...staff } = row;
    return { staff, enrolmentOnly, expiresAt };
  }

  async revoke(hash: Buffer): Promise<void> {
    await this.db.rows(`DELETE FROM staff_token WHERE token_hash = $1`, [hash]);
  }

  async revokeAllFor(staffId: string): Promise<void> {
    await this.db.rows(`DELETE FROM staff_token WHERE staff_id = $1`, [staffId]);
  }

  async purgeExpired(): Promise<number> {
    return (await this.db.rows(`DELETE FROM staff_token WHERE expires_at < now() RETURNING 1`)).length;
  }
}
