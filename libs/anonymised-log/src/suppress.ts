/** Small-cell suppression: a count from 1 to minCell - 1 could point at a person, so it becomes null. */
export function suppress(count: number, minCell: number): number | null {
  return count > 0 && count < minCell ? null : count;
}

export function suppressAll<T extends Record<string, number>>(counts: T, minCell: number): { [K in keyof T]: number | null } {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, suppress(v, minCell)])) as { [K in keyof T]: number | null };
}
