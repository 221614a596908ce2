import { binIndex } from "./binned-quantiles.ts";
import { quantileIntervalRanks } from "./quantile-interval.ts";
import { quantileSorted } from "./quantile-sorted.ts";
import { orderStatistics } from "./order-statistics.ts";
import type { Summary } from "./summarize.ts";
import { Welford } from "./welford.ts";

/** scanValues' results: count, mean, m2, negatives, positives, negative zeros, 1 when every value has the first's bits. */
const scanned = new Float64Array(7);

/**
 * The non-NaN values of `values` copied into `kept`, with Welford.push's arithmetic in locals (the
 * same bits) and the signs, into `out`. A small function of its own: inside exactStats it ran
 * unoptimised for exactStats' first few hundred calls (a long compile, then deoptimisations on
 * branches not yet taken), boxing every double: 360 MB of garbage in Bradford's 10,000-iteration
 * run, most of its garbage collection.
 */
function scanValues(values: Float64Array, kept: Float64Array, out: Float64Array): void {
  let negatives = 0;
  let positives = 0;
  let negativeZeros = 0;
  let first = Number.NaN;
  let same = 1;
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) continue;
    if (n === 0) first = x;
    else if (same === 1 && !Object.is(x, first)) same = 0;
    kept[n] = x;
    n++;
    const delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
    if (x < 0) negatives++;
    else if (x > 0) positives++;
    else if (1 / x < 0) negativeZeros++;
  }
  out[0] = n;
  out[1] = mean;
  out[2] = m2;
  out[3] = negatives;
  out[4] = positives;
  out[5] = negativeZeros;
  out[6] = same;
}

/** A Summary of the values that applied (NaN marks "not applicable"), with sign counts and n. */
export interface OutputStats extends Summary {
  n: number;
  negatives: number;
  positives: number;
}

/** The quantiles an OutputStats reports, and the ones whose 95% interval it gives. */
const QUANTILES = [0.05, 0.1, 0.5, 0.9, 0.95] as const;
const INTERVALS = [0.1, 0.5, 0.9] as const;

/**
 * Exact statistics of the non-NaN values, read in index order; null when none applies. The
 * percentiles are R-7 on the order statistics, found by selection (orderStatistics) rather than a
 * full sort: the same bits, a sort's -0 before +0 included. `scratch` (at least
 * values.length long, overwritten) saves an allocation per call. O(n) expected.
 */
export function exactStats(values: Float64Array, scratch?: Float64Array): OutputStats | null {
  const kept = scratch !== undefined && scratch.length >= values.length ? scratch : new Float64Array(values.length);
  scanValues(values, kept, scanned);
  const [n, mean, m2, negatives, positives, negativeZeros, allSame] = scanned;
  const same = allSame === 1;
  if (n === 0) return null;
  const w = new Welford();
  w.merge(n, mean, m2);
  const intervals = INTERVALS.map((p) => quantileIntervalRanks(n, p));
  const sorted = kept.subarray(0, n);
  // Equal values (a line that never applies to this option, say) are already in order.
  if (!same) {
    const ranks: number[] = [];
    for (const p of QUANTILES) {
      const lo = Math.floor((n - 1) * p);
      ranks.push(lo, Math.min(lo + 1, n - 1));
    }
    for (const [l, u] of intervals) ranks.push(l, u);
    ranks.sort((a, b) => a - b);
    // Only these positions are read below: each takes the value a sort would put there.
    const at = orderStatistics(sorted, ranks);
    for (let j = 0; j < ranks.length; j++) sorted[ranks[j]] = at[j];
    // A sort puts every -0 before every +0; selection does not tell them apart.
    if (negativeZeros > 0) for (const r of ranks) if (sorted[r] === 0) sorted[r] = r < negatives + negativeZeros ? -0 : 0;
  }
  const q = (p: number) => quantileSorted(sorted, p);
  const ci = (k: number): [number, number] => [sorted[intervals[k][0]], sorted[intervals[k][1]]];
  return {
    n, mean: w.mean, sd: w.standardDeviation, se: w.standardError,
    p5: q(0.05), p10: q(0.1), p50: q(0.5), p90: q(0.9), p95: q(0.95),
    ci95: { p10: ci(0), p50: ci(1), p90: ci(2) }, negatives, positives,
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
  const q = binnedQuantiles(counts, lo, hi, min, max);
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

/**
 * quantileFromBins for several p over one histogram, the same bits: the count is summed once and
 * the bins are scanned from where the last (lower or equal) p stopped, not from the start; every
 * value lies in [min, max], so the bins outside theirs are empty and neither summed nor scanned (a
 * plan's range is three times the first block's spread: about two thirds of the bins).
 */
function binnedQuantiles(counts: ArrayLike<number>, lo: number, hi: number, min: number, max: number): (p: number) => number {
  const bins = counts.length - 2;
  const first = binIndex(min, lo, hi, bins);
  const last = binIndex(max, lo, hi, bins);
  let n = 0;
  for (let i = first; i <= last; i++) n += counts[i];
  if (n === 0) throw new RangeError("quantileFromBins requires at least one value");
  const width = (hi - lo) / bins;
  let at = first;
  let below = 0;
  let lastH = -Infinity;
  return (p: number) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError("quantileFromBins requires 0 <= p <= 1");
    const h = (n - 1) * p;
    if (h < lastH) {
      at = first;
      below = 0;
    }
    lastH = h;
    for (; at < counts.length; at++) {
      const c = counts[at];
      if (c > 0 && h < below + c) {
        const within = (h - below + 0.5) / c;
        const left = at === 0 ? min : at === bins + 1 ? hi : lo + (at - 1) * width;
        const right = at === 0 ? lo : at === bins + 1 ? max : left + width;
        const x = left + within * (right - left);
        return Math.min(max, Math.max(min, x));
      }
      below += c;
    }
    at = first;
    below = 0;
    return max;
  };
}
