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

/** Whether `inner` lies wholly inside one of `ranges` (sorted by start, not overlapping). */
export function insideAny(ranges: ReadonlyArray<{ start: number; end: number }>, inner: { start: number; end: number }): boolean {
  if (!ranges.length) return false;
  const r = ranges[lastAtOrBefore(ranges, inner.start, (x) => x.start)];
  return r.start <= inner.start && inner.end <= r.end;
}
