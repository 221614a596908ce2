/** Sample mean, variance and the standard errors of both, for tolerance-from-SE checks. */
export function sampleMoments(xs: Float64Array): { mean: number; variance: number; seMean: number; seVariance: number } {
  const n = xs.length;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = (x - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  // Var(s^2) ~ (mu4 - sigma^4) / n for large n (Cramer 1946, 27.4).
  const seVariance = Math.sqrt(Math.max(m4 / n - (m2 / n) ** 2, 0) / n);
  return { mean, variance, seMean: Math.sqrt(variance / n), seVariance };
}

/**
 * One-sample Kolmogorov-Smirnov statistic D = sup |F_n(x) - F(x)| against a continuous CDF.
 * Reject at 1% when D > 1.6276 / sqrt(n) (asymptotic Kolmogorov quantile, good for n >= 1000).
 */
export function ksStatistic(xs: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

export const KS_CRITICAL_1_PERCENT = 1.6276;

/** n draws from a sampler. */
export function draw(sampler: () => number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sampler();
  return out;
}
