/**
 * The probability integral transform (PIT) of an observed value in a sample forecast: the share of
 * the sample below it, values equal to it counting half (the mid-point of the jump of the empirical
 * CDF, deterministic where the randomised PIT of Czado, Gneiting and Held 2009 would draw). Over many
 * calibrated forecasts PIT values are uniform on [0, 1]. O(n), no sort.
 * https://doi.org/10.1111/j.1541-0420.2009.01191.x
 */
export function probabilityIntegralTransform(sample: Float64Array | number[], observed: number): number {
  const n = sample.length;
  if (n === 0) throw new RangeError("probabilityIntegralTransform requires at least one value");
  if (Number.isNaN(observed)) throw new RangeError("probabilityIntegralTransform requires an observed value, got NaN");
  let below = 0;
  let equal = 0;
  for (let i = 0; i < n; i++) {
    const x = sample[i];
    if (x < observed) below++;
    else if (x === observed) equal++;
    else if (Number.isNaN(x)) throw new RangeError("probabilityIntegralTransform requires numbers, got NaN");
  }
  return (below + equal / 2) / n;
}
