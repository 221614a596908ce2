import { quantileSorted } from "./quantile-sorted.ts";

/**
 * The central `level` interval of a sample, [Q((1 - level) / 2), Q((1 + level) / 2)], by R's
 * default quantile (type 7, see quantileSorted): level 0.8 gives P10 to P90. O(n log n) for the sort.
 */
export function centralInterval(sample: Float64Array | number[], level: number): [number, number] {
  if (sample.length === 0) throw new RangeError("centralInterval requires at least one value");
  if (!(level >= 0 && level <= 1)) throw new RangeError("centralInterval requires 0 <= level <= 1");
  const sorted = Float64Array.from(sample).sort();
  // Float64Array sort puts NaN last.
  if (Number.isNaN(sorted[sorted.length - 1])) throw new RangeError("centralInterval requires numbers, got NaN");
  return [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)];
}
