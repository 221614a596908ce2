import { betaCdf } from "../quantile-functions.ts";

/** How often forecast intervals held the outcome, against the coverage they claim. */
export interface CoverageSummary {
  hits: number;
  n: number;
  /** hits / n. */
  rate: number;
  /** Two-sided 95% Clopper-Pearson (exact binomial) interval for the true coverage rate. */
  ci95: [number, number];
  nominal: number;
  /** Whether the nominal coverage lies inside ci95 (a two-sided test at 5% does not reject it). */
  consistentWithNominal: boolean;
}

/**
 * The x with I_x(a, b) = u, by bisection on the engine's betaCdf to 1e-12. Not betaQuantile: that
 * builds a 2,049-point table (about 120,000 CDF calls) per shape to answer one question, and its
 * linear interpolation is coarsest in the tails, where the interval ends lie.
 */
function betaInverse(a: number, b: number, u: number): number {
  let lo = 0;
  let hi = 1;
  while (hi - lo > 1e-12) {
    const mid = (lo + hi) / 2;
    if (betaCdf(a, b, mid) < u) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Coverage of forecast intervals: hits among `inside`, the rate, its two-sided 95% Clopper-Pearson
 * interval (beta quantiles 0.025 of Beta(x, n - x + 1) and 0.975 of Beta(x + 1, n - x); Clopper and
 * Pearson 1934), conservative: it covers at least 95% for every n and rate, and whether the interval's
 * `nominal` coverage (0.8 for P10-P90) lies inside it. O(n) plus about 80 beta CDF calls.
 * https://doi.org/10.1093/biomet/26.4.404
 */
export function coverageSummary(inside: boolean[], nominal: number): CoverageSummary {
  const n = inside.length;
  if (n === 0) throw new RangeError("coverageSummary requires at least one forecast");
  if (!(nominal >= 0 && nominal <= 1)) throw new RangeError("coverageSummary requires 0 <= nominal <= 1");
  let hits = 0;
  for (const hit of inside) if (hit) hits++;
  const lower = hits === 0 ? 0 : betaInverse(hits, n - hits + 1, 0.025);
  const upper = hits === n ? 1 : betaInverse(hits + 1, n - hits, 0.975);
  return {
    hits,
    n,
    rate: hits / n,
    ci95: [lower, upper],
    nominal,
    consistentWithNominal: nominal >= lower && nominal <= upper,
  };
}
