import type { Language, Presence, Role } from '@prystan/contract';
import type { Db, Sql } from '../db';

export interface StaffRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  languages: Language[];
  maxChats: number;
  disabled: boolean;
  presence: Presence;
  presenceSince: Date;
  uiLanguage: string | null;
}

const COLUMNS = `id, email, name, role, languages, max_chats AS "maxChats", disabled, presence, presence_since AS "presenceSince", ui_language AS "uiLanguage"`;

export class EmailTakenError extends Error {
  constructor() { super('a staff member with this email already exists'); }
}

export class StaffRepository {
  constructor(private readonly db: Db) {}

  async create(input: { email: string; name: string; role: Role; languages: Language[]; maxChats: number; passwordHash: string }): Promise<StaffRecord> {
    try {
      return (await this.db.one<StaffRecord>(
        `INSERT INTO staff (email, name, role, languages, max_chats, password_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [input.email.trim(), input.name.trim(), input.role, input.languages, input.maxChats, input.passwordHash],
      ))!;
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new EmailTakenError();
      throw err;
    }
  }

  async findById(id: string): Promise<StaffRecord | undefined> {
    return this.db.one<StaffRecord>(`SELECT ${COLUMNS} FROM staff WHERE id = $1`, [id]);
  }

  async findForLogin(email: string): Promise<(StaffRecord & { passwordHash: string }) | undefined> {
    return this.db.one(`SELECT ${COLUMNS}, password_hash AS "passwordHash" FROM staff WHERE lower(email) = lower($1)`, [email.trim()]);
  }

  async list(): Promise<StaffRecord[]> {
    return this.db.rows<StaffRecord>(`SELECT ${COLUMNS} FROM staff ORDER BY disabled, name`);
  }

  async count(): Promise<number> {
    return Number((await this.db.one<{ n: string }>(`SELECT count(*) AS n FROM staff`))!.n);
  }

  async setPresence(id: string, presence: Presence, sql: Sql = this.db): Promise<StaffRecord | undefined> {
    return sql.one<StaffRecord>(
      `UPDATE staff SET presence = $2, presence_since = CASE WHEN presence = $2 THEN presence_since ELSE now() END
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, presence],
    );
  }

  /** A timed-out offer sets its counsellor away, unless they changed presence meanwhile. */
  async setAwayIfAvailable(id: string): Promise<StaffRecord | undefined> {
    return this.db.one<StaffRecord>(
      `UPDATE staff SET presence = 'away', presence_since = now() WHERE id = $1 AND presence = 'available' RETURNING ${COLUMNS}`,
      [id],
    );
  }

  async update(id: string, patch: Partial<{ name: string; role: Role; languages: Language[]; maxChats: number; disabled: boolean; passwordHash: string; uiLanguage: string }>): Promise<StaffRecord | undefined> {
    const columns: Record<string, string> = { name: 'name', role: 'role', languages: 'languages', maxChats: 'max_chats', disabled: 'disabled', passwordHash: 'password_hash', uiLanguage: 'ui_language' };
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, column] of Object.entries(columns)) {
      const value = (patch as Record<string, unknown>)[key];
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    if (patch.disabled) sets.push(`presence = 'offline'`);
    if (sets.length === 0) return this.findById(id);
    return this.db.one<StaffRecord>(`UPDATE staff SET ${sets.join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`, params);
  }
}
