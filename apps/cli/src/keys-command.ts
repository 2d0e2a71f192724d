import type { Config } from '@prystan/config';
import { Keyring, SEALED_FIELDS, type FieldBinding } from '@prystan/crypto';
import { createDataSource, Db, SEALED_COLUMNS, SealedDataRepository, type SealedColumnName } from '@prystan/persistence';
import { UsageError } from './staff-command';

const USAGE = 'usage: keys status | keys rotate [--batch N]';
const DEFAULT_BATCH = 500;

/** How each sealed column's rows are bound (the row's own id, or its session for messages). */
const BINDINGS: Record<SealedColumnName, (bindTo: string) => FieldBinding> = {
  message: SEALED_FIELDS.message,
  escalation: SEALED_FIELDS.escalation,
  serviceSecret: SEALED_FIELDS.serviceSecret,
  totp: SEALED_FIELDS.totp,
};

export type KeysCommand = { verb: 'status' } | { verb: 'rotate'; batch: number };

export function parseKeys(argv: string[]): KeysCommand {
  const [verb, ...rest] = argv;
  if (verb === 'status' && rest.length === 0) return { verb };
  if (verb === 'rotate') {
    if (rest.length === 0) return { verb, batch: DEFAULT_BATCH };
    const batch = Number(rest[1]);
    if (rest.length === 2 && rest[0] === '--batch' && Number.isInteger(batch) && batch >= 1 && batch <= 10_000) return { verb, batch };
    throw new UsageError(`--batch must be a whole number from 1 to 10000; ${USAGE}`);
  }
  throw new UsageError(USAGE);
}

export interface RotationCount { column: SealedColumnName; total: number; resealed: number; current: number; unopened: number; changedMeanwhile: number }

/**
 * Re-seals every sealed value that is not yet under MESSAGE_KEY's first key (older keys, and the
 * pre-keyring format), page by page, each write conditional on the value being unchanged.
 * Idempotent: a second run re-seals nothing. Values are only ever in memory; counts are returned.
 */
export async function rotate(keyring: Keyring, repo: SealedDataRepository, batch: number, progress: (c: RotationCount) => void = () => undefined): Promise<RotationCount[]> {
  const counts: RotationCount[] = [];
  for (const column of Object.keys(SEALED_COLUMNS) as SealedColumnName[]) {
    if (!(await repo.exists(column))) continue;
    const count: RotationCount = { column, total: 0, resealed: 0, current: 0, unopened: 0, changedMeanwhile: 0 };
    let after: string | null = null;
    for (;;) {
      const rows = await repo.page(column, after, batch);
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      for (const row of rows) {
        count.total += 1;
        if (keyring.isCurrent(row.sealed)) {
          count.current += 1;
          continue;
        }
        const field = BINDINGS[column](row.bindTo);
        let plaintext: string;
        try {
          plaintext = keyring.openField(field, row.sealed);
        } catch {
          count.unopened += 1;
          continue;
        }
        if (await repo.replace(column, row.id, row.sealed, keyring.sealField(field, plaintext))) count.resealed += 1;
        else count.changedMeanwhile += 1;
      }
      progress(count);
    }
    counts.push(count);
  }
  return counts;
}

/** Per column, how many values are under each key (by key id; `key 1` is the newest), the old format, or no listed key. */
export async function status(keyring: Keyring, repo: SealedDataRepository): Promise<string[]> {
  const lines = [`keys in MESSAGE_KEY, newest first: ${keyring.keyIds.map((id, i) => `${id} (key ${i + 1})`).join(', ')}`];
  for (const column of Object.keys(SEALED_COLUMNS) as SealedColumnName[]) {
    if (!(await repo.exists(column))) continue;
    const byKey = new Map<string, number>();
    for (const { header, count } of await repo.countByHeader(column)) {
      const id = header.length === 10 && header.startsWith('01') ? header.slice(2) : '';
      const label = keyring.keyIds.includes(id) ? id : 'old format or unlisted key';
      byKey.set(label, (byKey.get(label) ?? 0) + count);
    }
    const parts = [...byKey].map(([label, n]) => `${label}: ${n}`);
    lines.push(`${column}: ${parts.length ? parts.join(', ') : 'none'}`);
  }
  return lines;
}

/** The command: prints counts only, never a value or a key. Exits 1 when some values did not open. */
export async function runKeys(config: Config, command: KeysCommand, out: (line: string) => void): Promise<number> {
  const keyring = new Keyring(config.messageKeys);
  const ds = await createDataSource(config.DATABASE_URL, { poolSize: 1, applicationName: 'prystan-cli' }).initialize();
  try {
    const repo = new SealedDataRepository(new Db(ds));
    if (command.verb === 'status') {
      (await status(keyring, repo)).forEach(out);
      return 0;
    }
    out(`re-sealing under ${keyring.currentKeyId} (key 1), ${command.batch} values at a time`);
    const counts = await rotate(keyring, repo, command.batch);
    for (const c of counts) {
      out(`${c.column}: ${c.total} values, ${c.resealed} re-sealed, ${c.current} already current, ${c.unopened} did not open, ${c.changedMeanwhile} changed meanwhile`);
    }
    const unopened = counts.reduce((n, c) => n + c.unopened, 0);
    if (unopened > 0) {
      out(`${unopened} values did not open with any key in MESSAGE_KEY: keep the older keys listed and find the missing key before dropping any`);
      return 1;
    }
    return 0;
  } finally {
    await ds.destroy();
  }
}
