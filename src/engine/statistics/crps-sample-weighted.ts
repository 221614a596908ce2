import { checkedWeights } from "./checked-weights.ts";

/**
 * CRPS of a weighted sample (importance weights, normalised here by their total) at the observed
 * value, exact for the weighted empirical distribution: sum_i w_i |x_i - y| - (1/2) sum_ij w_i w_j |x_i - x_j|
 * (Gneiting and Raftery 2007, eq. 21). With weights 1/n it is crpsSample. O(n log n): after sorting,
 * the pair term is sum_i w_i x_i (W_below(i) - W_above(i)), and each point's share of the score,
 * w_i (x_i - y)(sign(x_i - y) - W_below(i) + W_above(i)), is non-negative, so nothing cancels.
 * https://doi.org/10.1198/016214506000001437
 */
export function crpsSampleWeighted(
  values: Float64Array | number[],
  weights: Float64Array | number[],
  observed: number,
): number {
  const n = values.length;
  if (n === 0) throw new RangeError("crpsSampleWeighted requires at least one value");
  if (!Number.isFinite(observed)) throw new RangeError("crpsSampleWeighted requires a finite observed value");
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError("crpsSampleWeighted requires finite values");
  }
  const total = checkedWeights("crpsSampleWeighted", weights, n);
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  let below = 0;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const w = weights[i] / total;
    const d = values[i] - observed;
    // 1 - 2 W_below - w is W_above - W_below; written from `below` alone so that it stays in [-1, 1].
    const spread = 1 - 2 * below - w;
    sum += w * d * ((d > 0 ? 1 : -1) + spread);
    below += w;
  }
  // Each term is non-negative in exact arithmetic; rounding can leave a denormal below zero.
  return sum < 0 ? 0 : sum;
}
