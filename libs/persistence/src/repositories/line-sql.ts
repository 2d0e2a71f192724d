import { STAFF_LOAD_JOIN } from './staff-load';

/** What a wait estimate needs of a line: slots on duty (free and all) and the median handling time. */
export interface LineFigures { freeSlots: number; totalSlots: number; medianHandleSeconds: number | null }
/** A session's place in its line (1 is next), with the line's figures. */
export interface LineStanding extends LineFigures { place: number }

/** The line's order, as a row value: offered first, then priority, then longest wait, then id. */
export const lineKey = (alias: string) => `(${alias}.state <> 'offered'), ${alias}.priority, ${alias}.enqueued_at, ${alias}.id`;
/** The line's figures for the language in parameter `lang`: slots on duty, and the median handling time of the last day. */
export const lineFiguresSql = (lang: string) => `
  SELECT COALESCE(sum(GREATEST(s.max_chats - staff_load.load, 0)), 0)::int AS "freeSlots", COALESCE(sum(s.max_chats), 0)::int AS "totalSlots",
    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - assigned_at))
     FROM chat_session WHERE language = ${lang} AND assigned_at IS NOT NULL AND ended_at > now() - interval '1 day') AS "medianHandleSeconds"
  FROM staff s ${STAFF_LOAD_JOIN}
  WHERE s.presence = 'available' AND NOT s.disabled AND ${lang} = ANY(s.languages)`;

/**
 * 1 + the sessions ahead of `alias` in its line, as `RoutingRepository.line` would number it:
 * a count over a range of the line-order index, not a read of the line.
 */
export const placeSql = (alias: string) => `1 + (SELECT count(*)::int FROM chat_session c
  WHERE c.language = ${alias}.language AND c.state IN ('waiting', 'offered') AND (${lineKey('c')}) < (${lineKey(alias)}))`;

/** PostgreSQL returns the median as numeric (a string): a number, or null. */
export function lineStanding(row: LineStanding): LineStanding {
  return { ...row, medianHandleSeconds: row.medianHandleSeconds == null ? null : Number(row.medianHandleSeconds) };
}
