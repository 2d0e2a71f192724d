import type { Language } from '@prystan/contract';
import type { Db } from '../db';

export type CannedKind = 'opener' | 'reply';
export interface CannedResponse { id: string; language: Language; kind: CannedKind; title: string; text: string; sortOrder: number; active: boolean }
export type CannedPatch = Partial<Omit<CannedResponse, 'id'>>;

const COLUMNS = `id, language, kind, title, body AS text, sort_order AS "sortOrder", active`;

/** Counsellors' quick replies per language, managed by admins. They are staff-written templates, never survivor text. */
export class CannedRepository {
  constructor(private readonly db: Db) {}

  async list(includeInactive: boolean): Promise<CannedResponse[]> {
    return this.db.rows<CannedResponse>(`SELECT ${COLUMNS} FROM canned_response WHERE active OR $1 ORDER BY language, sort_order, title`, [includeInactive]);
  }

  async create(input: Omit<CannedResponse, 'id' | 'active'>): Promise<string> {
    const row = await this.db.one<{ id: string }>(
      `INSERT INTO canned_response (language, kind, title, body, sort_order) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [input.language, input.kind, input.title, input.text, input.sortOrder],
    );
    return row!.id;
  }

  async update(id: string, patch: CannedPatch): Promise<CannedResponse | undefined> {
    const columns: Record<string, string> = { language: 'language', kind: 'kind', title: 'title', text: 'body', sortOrder: 'sort_order', active: 'active' };
    const sets = ['updated_at = now()'];
    const params: unknown[] = [id];
    for (const [key, column] of Object.entries(columns)) {
      const value = (patch as Record<string, unknown>)[key];
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    return this.db.one<CannedResponse>(`UPDATE canned_response SET ${sets.join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`, params);
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db.rows(`DELETE FROM canned_response WHERE id = $1 RETURNING 1`, [id])).length > 0;
  }
}
