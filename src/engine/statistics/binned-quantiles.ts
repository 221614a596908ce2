/**
 * Quantiles from a fixed-bin histogram over [lo, hi), for runs too large to keep every value.
 * Bins are counts in a Uint32Array laid out [below lo, bin 0 .. bin bins-1, at or above hi], so
 * histograms from any split of the data add up exactly, in any order. Within a bin the values are
 * taken as evenly spread, which bounds the error of a quantile by one bin width, (hi - lo) / bins.
 * `scale` (bins / (hi - lo)) may be passed precomputed by callers in a hot loop.
 */
export function binIndex(x: number, lo: number, hi: number, bins: number, scale = bins / (hi - lo)): number {
  if (x < lo) return 0;
  if (x >= hi) return bins + 1;
  const b = Math.floor((x - lo) * scale);
  return 1 + (b < bins ? b : bins - 1);
}

/**
 * The p-quantile (R type 7 rank, h = (n - 1) p) of the n values counted in `counts`, interpolated
 * within its bin; values below lo or above hi are placed between the exact min (max) and the edge.
 */
export function quantileFromBins(
  counts: ArrayLike<number>,
  lo: number,
  hi: number,
  p: number,
  min: number,
  max: number,
): number {
  const bins = counts.length - 2;
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  if (n === 0) throw new RangeError("quantileFromBins requires at least one value");
  if (!(p >= 0 && p <= 1)) throw new RangeError("quantileFromBins requires 0 <= p <= 1");
  const h = (n - 1) * p;
  const width = (hi - lo) / bins;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c > 0 && h < below + c) {
      const within = (h - below + 0.5) / c;
      const left = i === 0 ? min : i === bins + 1 ? hi : lo + (i - 1) * width;
      const right = i === 0 ? lo : i === bins + 1 ? max : left + width;
      const x = left + within * (right - left);
      return Math.min(max, Math.max(min, x));
    }
    below += c;
  }
  return max;
}
