import { quantileFromBins } from "./binned-quantiles.ts";
import { quantileIntervalRanks } from "./quantile-interval.ts";
import { quantileSorted } from "./quantile-sorted.ts";
import type { Summary } from "./summarize.ts";
import { Welford } from "./welford.ts";

/** A Summary of the values that applied (NaN marks "not applicable"), with sign counts and n. */
export interface OutputStats extends Summary {
  n: number;
  negatives: number;
  positives: number;
}

/** Exact statistics of the non-NaN values, read in index order; null when none applies. */
export function exactStats(values: Float64Array): OutputStats | null {
  const w = new Welford();
  let negatives = 0;
  let positives = 0;
  const kept = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) continue;
    kept[w.count] = x;
    w.push(x);
    if (x < 0) negatives++;
    else if (x > 0) positives++;
  }
  if (w.count === 0) return null;
  const sorted = kept.subarray(0, w.count).sort();
  const q = (p: number) => quantileSorted(sorted, p);
  const ci = (p: number): [number, number] => {
    const [l, u] = quantileIntervalRanks(sorted.length, p);
    return [sorted[l], sorted[u]];
  };
  return {
    n: w.count, mean: w.mean, sd: w.standardDeviation, se: w.standardError,
    p5: q(0.05), p10: q(0.1), p50: q(0.5), p90: q(0.9), p95: q(0.95),
    ci95: { p10: ci(0.1), p50: ci(0.5), p90: ci(0.9) }, negatives, positives,
  };
}

/** Statistics from a merged Welford accumulator and histogram (see quantileFromBins). */
export function binnedStats(
  w: Welford,
  counts: ArrayLike<number>,
  lo: number,
  hi: number,
  min: number,
  max: number,
  negatives: number,
  positives: number,
): OutputStats | null {
  if (w.count === 0) return null;
  const q = (p: number) => quantileFromBins(counts, lo, hi, p, min, max);
  // The order statistics of ranks l and u, read from the histogram like any quantile.
  const ci = (p: number): [number, number] => {
    const [l, u] = quantileIntervalRanks(w.count, p);
    const rank = (r: number) => (w.count > 1 ? r / (w.count - 1) : 0);
    return [q(rank(l)), q(rank(u))];
  };
  return {
    n: w.count, mean: w.mean, sd: w.standardDeviation, se: w.standardError,
    p5: q(0.05), p10: q(0.1), p50: q(0.5), p90: q(0.9), p95: q(0.95),
    ci95: { p10: ci(0.1), p50: ci(0.5), p90: ci(0.9) }, negatives, positives,
  };
}
