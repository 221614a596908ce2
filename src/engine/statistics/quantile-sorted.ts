/**
 * The p-quantile of an ascending array by linear interpolation between order statistics, R's
 * default type 7 (Hyndman and Fan 1996). O(1); the caller sorts.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantileSorted requires at least one value");
  if (!(p >= 0 && p <= 1)) throw new RangeError("quantileSorted requires 0 <= p <= 1");
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
