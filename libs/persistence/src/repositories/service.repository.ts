import type { Db } from '../db';

export interface ServiceRecord {
  id: string;
  name: string;
  kind: string;
  phone: string | null;
  hours: string | null;
  region: string | null;
  languages: string[];
  channelType: 'phone' | 'webhook' | 'email';
  webhookUrl: string | null;
  emailTo: string | null;
  active: boolean;
}

const COLUMNS = `id, name, kind, phone, hours, region, languages, channel_type AS "channelType", webhook_url AS "webhookUrl", email_to AS "emailTo", active`;

/** The crisis and support directory. Webhook secrets are stored sealed and read only for delivery. */
export class ServiceRepository {
  constructor(private readonly db: Db) {}

  /** Services for a language, each named in that language where a translation exists. */
  /**
   * The directory with names in `language` where it has them; only the services that speak
   * `language`, unless `otherLanguages` (then every service, for "also, in Polish: …").
   */
  async listForLanguage(language?: string, includeInactive = false, otherLanguages = false): Promise<ServiceRecord[]> {
    return this.db.rows<ServiceRecord>(
      `SELECT ${COLUMNS.replace('name,', "COALESCE(names->>$1, name) AS name,")} FROM service
       WHERE ($1::text IS NULL OR $3 OR $1 = ANY(languages)) AND (active OR $2) ORDER BY sort_order, name`,
      [language ?? null, includeInactive, otherLanguages],
    );
  }

  async findById(id: string): Promise<ServiceRecord | undefined> {
    return this.db.one<ServiceRecord>(`SELECT ${COLUMNS} FROM service WHERE id = $1`, [id]);
  }

  async sealedSecret(id: string): Promise<Buffer | null> {
    return (await this.db.one<{ secret: Buffer | null }>(`SELECT webhook_secret AS secret FROM service WHERE id = $1`, [id]))?.secret ?? null;
  }

  /** `id` is chosen by the caller, because the webhook secret is sealed bound to it before the row exists. */
  async create(input: Omit<ServiceRecord, 'active'> & { sealedSecret: Buffer | null }): Promise<string> {
    const row = await this.db.one<{ id: string }>(
      `INSERT INTO service (id, name, kind, phone, hours, region, languages, channel_type, webhook_url, email_to, webhook_secret)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [input.id, input.name, input.kind, input.phone, input.hours, input.region, input.languages, input.channelType, input.webhookUrl, input.emailTo, input.sealedSecret],
    );
    return row!.id;
  }

  /** A new delivery channel (its secret sealed bound to this service); false when there is no such service. */
  async setChannel(id: string, channel: Pick<ServiceRecord, 'channelType' | 'webhookUrl' | 'emailTo'> & { sealedSecret: Buffer | null }): Promise<boolean> {
    return (await this.db.rows(
      `UPDATE service SET channel_type = $2, webhook_url = $3, email_to = $4, webhook_secret = $5 WHERE id = $1 RETURNING 1`,
      [id, channel.channelType, channel.webhookUrl, channel.emailTo, channel.sealedSecret],
    )).length > 0;
  }

  /** extension: the whole directory for admins, with each entry's names per language. */
  async listForAdmin(): Promise<(ServiceRecord & { names: Record<string, string> })[]> {
    return this.db.rows(`SELECT ${COLUMNS}, names FROM service ORDER BY NOT active, sort_order, name`);
  }

  /** Directory fields an admin may edit (the delivery channel is set when the entry is added). */
  async update(id: string, patch: Partial<{ name: string; names: Record<string, string>; kind: string; phone: string | null; hours: string | null; region: string | null; languages: string[] }>): Promise<boolean> {
    const columns: Record<string, string> = { name: 'name', names: 'names', kind: 'kind', phone: 'phone', hours: 'hours', region: 'region', languages: 'languages' };
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [key, column] of Object.entries(columns)) {
      const value = (patch as Record<string, unknown>)[key];
      if (value === undefined) continue;
      params.push(key === 'names' ? JSON.stringify(value) : value);
      sets.push(`${column} = $${params.length}`);
    }
    if (sets.length === 0) return (await this.db.rows(`SELECT 1 FROM service WHERE id = $1`, [id])).length > 0;
    return (await this.db.rows(`UPDATE service SET ${sets.join(', ')} WHERE id = $1 RETURNING 1`, params)).length > 0;
  }

  async setActive(id: string, active: boolean): Promise<boolean> {
    return (await this.db.rows(`UPDATE service SET active = $2 WHERE id = $1 RETURNING 1`, [id, active])).length > 0;
  }
}
