/** What the line looks like for one language, for positions and estimates. */
export interface LineCapacity {
  /** free slots among available counsellors who speak the language */
  freeSlots: number;
  /** all slots of available counsellors who speak the language (free or not) */
  totalSlots: number;
  /** median handling time of recent chats in this language, seconds (null: no history) */
  medianHandleSeconds: number | null;
  offerTimeoutSeconds: number;
}

export const DEFAULT_HANDLE_SECONDS = 20 * 60;

/**
 * An honest estimate for the survivor at `position` (1-based), or null when nobody is on
 * duty in the language. With a free slot ahead of them, it is about the time an offer
 * takes; otherwise every slot frees on average once per handling time, so the wait is the
 * sessions ahead divided by the slots, times the handling time. Rounded up to 30 s.
 */
export function estimateWaitSeconds(position: number, line: LineCapacity): number | null {
  if (line.totalSlots <= 0) return null;
  const handle = line.medianHandleSeconds ?? DEFAULT_HANDLE_SECONDS;
  const ahead = position - line.freeSlots;
  const seconds = ahead <= 0 ? Math.min(line.offerTimeoutSeconds, 30) : (ahead * handle) / line.totalSlots;
  return Math.max(30, Math.ceil(seconds / 30) * 30);
}
