import { checkedWeights } from "./checked-weights.ts";

/**
 * The p-quantile of a weighted sample: the inverse of the weighted empirical CDF with linear
 * interpolation between mid-points. Sorted by value, the k-th point of positive weight w_k sits at
 * cumulative probability (W_before(k) + w_k / 2) / W; between two such positions the quantile is
 * interpolated linearly, and below the first or above the last it is the smallest or largest value.
 * Weights need not sum to 1; points of zero weight are ignored. For equal weights this is Hyndman and Fan's (1996) type 5 (Hazen),
 * which differs from type 7 (quantileSorted) by moving the fractional index from (n - 1)p to np - 1/2.
 * A point of weight 3 is one point in the middle of its block, not three copies: that is the price of
 * the smoothing. O(n log n) for the sort.
 * https://doi.org/10.2307/2684934
 */
export function weightedQuantile(
  values: Float64Array | number[],
  weights: Float64Array | number[],
  p: number,
): number {
  const n = values.length;
  if (n === 0) throw new RangeError("weightedQuantile requires at least one value");
  if (!(p >= 0 && p <= 1)) throw new RangeError("weightedQuantile requires 0 <= p <= 1");
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) throw new RangeError("weightedQuantile requires numbers, got NaN");
  }
  const total = checkedWeights("weightedQuantile", weights, n);
  const order = Uint32Array.from({ length: n }, (_, i) => i)
    .filter((i) => weights[i] > 0)
    .sort((a, b) => values[a] - values[b]);
  let before = 0;
  let previousPosition = 0;
  let previousValue = values[order[0]];
  for (let k = 0; k < order.length; k++) {
    const x = values[order[k]];
    const w = weights[order[k]];
    const position = (before + w / 2) / total;
    if (p <= position) {
      if (k === 0) return x;
      return previousValue + ((p - previousPosition) / (position - previousPosition)) * (x - previousValue);
    }
    before += w;
    previousPosition = position;
    previousValue = x;
  }
  return previousValue;
}
