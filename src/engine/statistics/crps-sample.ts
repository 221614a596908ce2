/**
 * Continuous ranked probability score of a sample (ensemble) forecast at the observed value, exact
 * for the sample's empirical distribution: CRPS = E|X - y| - E|X - X'| / 2 (Gneiting and Raftery
 * 2007, eq. 21), in the units of the values; lower is better, 0 only for a point mass on y.
 * O(n log n): after sorting, the pair term is sum_i (2i - n - 1) x_(i) / n^2 (1-based i), and the
 * two terms fold into one sum of non-negative parts, (2 / n^2) sum_i (x_(i) - y)(n [y < x_(i)] - i + 1/2),
 * so nothing cancels and a plain sum keeps full relative precision: the quantile-decomposition
 * form of Jordan (2016), used by R's scoringRules::crps_sample (method "edf").
 * https://doi.org/10.1198/016214506000001437
 */
export function crpsSample(sample: Float64Array | number[], observed: number): number {
  const n = sample.length;
  if (n === 0) throw new RangeError("crpsSample requires at least one value");
  if (!Number.isFinite(observed)) throw new RangeError("crpsSample requires a finite observed value");
  const sorted = Float64Array.from(sample).sort();
  if (!(Number.isFinite(sorted[0]) && Number.isFinite(sorted[n - 1]))) {
    throw new RangeError("crpsSample requires finite values");
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = sorted[i] - observed;
    // 0-based i: the 1-based coefficient n [d > 0] - (i + 1) + 1/2.
    sum += d * ((d > 0 ? n : 0) - i - 0.5);
  }
  return (2 * sum) / (n * n);
}
