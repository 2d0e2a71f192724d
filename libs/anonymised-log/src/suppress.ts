/**
 * The primary rule of small-cell suppression: a count from 1 to minCell - 1 could point at a
 * person, so it is hidden. On its own it is not enough wherever totals are shown beside it:
 * publish through `publishStats` / `protectTable`, which add the complementary cells.
 */
export function suppress(count: number, minCell: number): number | null {
  return count > 0 && count < minCell ? null : count;
}
