/**
 * The index of the last of `items` (sorted by `key`, ascending) whose key is at most
 * `at`; 0 when none is (the first item stands for everything before it).
 */
export function lastAtOrBefore<T>(items: readonly T[], at: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(items[mid]) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
