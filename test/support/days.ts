/** The UTC date `offsetDays` from today as the statistics API reads it (YYYY-MM-DD). */
export const day = (offsetDays = 0): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
