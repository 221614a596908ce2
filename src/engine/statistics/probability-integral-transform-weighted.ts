import { checkedWeights } from "./checked-weights.ts";

/**
 * The PIT of an observed value in a weighted sample (weights normalised by their total): the weight
 * below it plus half the weight equal to it, as probabilityIntegralTransform, which it equals for
 * equal weights. O(n), no sort.
 */
export function probabilityIntegralTransformWeighted(
  values: Float64Array | number[],
  weights: Float64Array | number[],
  observed: number,
): number {
  const n = values.length;
  if (n === 0) throw new RangeError("probabilityIntegralTransformWeighted requires at least one value");
  if (Number.isNaN(observed)) {
    throw new RangeError("probabilityIntegralTransformWeighted requires an observed value, got NaN");
  }
  const total = checkedWeights("probabilityIntegralTransformWeighted", weights, n);
  let below = 0;
  let equal = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x < observed) below += weights[i];
    else if (x === observed) equal += weights[i];
    else if (Number.isNaN(x)) throw new RangeError("probabilityIntegralTransformWeighted requires numbers, got NaN");
  }
  return Math.min(1, (below + equal / 2) / total);
}
