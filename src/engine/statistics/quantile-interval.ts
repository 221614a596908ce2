/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * Distribution-free 95% confidence interval for the p-quantile of n values, as the ranks (0-based,
 * into the sorted values) of the order statistics that bound it: the number of values below the
 * true quantile is Binomial(n, p), approximated by a normal (Conover, Practical Nonparametric
 * Statistics, 3rd ed., section 3.2). Ranks are clamped to [0, n - 1].
 */
export function quantileIntervalRanks(n: number, p: number): [number, number] {
  if (!(n >= 1 && p >= 0 && p <= 1)) throw new RangeError("quantileIntervalRanks requires n >= 1 and 0 <= p <= 1");
  const centre = n * p;
  const half = Z95 * Math.sqrt(n * p * (1 - p));
  const lower = Math.max(0, Math.floor(centre - half) - 1);
  const upper = Math.min(n - 1, Math.ceil(centre + half));
  return [lower, upper];
}
