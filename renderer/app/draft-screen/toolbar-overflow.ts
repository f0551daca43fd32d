/**
 * Which of the toolbar's groups go into its "More" menu so that the rest fits on one row: none
 * when all fit; otherwise groups leave in a fixed order (least used first) until what stays, plus
 * the "More" button, fits.
 */

/** A group of the toolbar, by key, with its measured width (margins included). */
export interface MeasuredGroup {
  readonly key: string;
  readonly width: number;
}

/**
 * The keys of the groups that do not fit in `available` pixels: `groups` in their order on the
 * row, `gap` between two items of the row, `moreWidth` for the "More" button, and `leaveOrder`
 * the keys in the order they move to the menu (keys not listed never move).
 */
export function overflowingGroups(groups: readonly MeasuredGroup[], available: number, gap: number, moreWidth: number, leaveOrder: readonly string[]): Set<string> {
  const widthOf = (shown: readonly MeasuredGroup[], more: boolean): number => shown.reduce((sum, g) => sum + g.width, 0) + gap * Math.max(0, shown.length - (more ? 0 : 1)) + (more ? moreWidth : 0);
  const gone = new Set<string>();
  if (widthOf(groups, false) <= available) return gone;
  for (const key of leaveOrder) {
    if (!groups.some((g) => g.key === key)) continue;
    gone.add(key);
    if (widthOf(groups.filter((g) => !gone.has(g.key)), true) <= available) break;
  }
  return gone;
}
