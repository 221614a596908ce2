import { quantileIntervalRanks } from "./quantile-interval.ts";
import { quantileSorted } from "./quantile-sorted.ts";
import { Welford } from "./welford.ts";

/** Summary of one output over all iterations, in the output's own units. */
export interface Summary {
  mean: number;
  sd: number;
  /** Standard error of the mean. */
  se: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
  /** 95% confidence intervals of P10, P50 and P90 from order statistics. */
  ci95: { p10: [number, number]; p50: [number, number]; p90: [number, number] };
}

/**
 * Mean, standard deviation, standard error and exact R-7 percentiles of `values`, read in index
 * order so that the result depends only on the values, not on how they were produced.
 */
export function summarize(values: Float64Array): Summary {
  if (values.length === 0) throw new RangeError("summarize requires at least one value");
  const w = new Welford();
  for (let i = 0; i < values.length; i++) w.push(values[i]);
  const sorted = Float64Array.from(values).sort();
  const interval = (p: number): [number, number] => {
    const [l, u] = quantileIntervalRanks(sorted.length, p);
    return [sorted[l], sorted[u]];
  };
  return {
    mean: w.mean,
    sd: w.standardDeviation,
    se: w.standardError,
    p5: quantileSorted(sorted, 0.05),
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p95: quantileSorted(sorted, 0.95),
    ci95: { p10: interval(0.1), p50: interval(0.5), p90: interval(0.9) },
  };
}

/** An estimated probability with its binomial standard error and 95% Wilson score interval. */
export interface Probability {
  p: number;
  /** sqrt(p(1 - p) / n): zero when p is 0 or 1, which is why the interval is given too. */
  se: number;
  ci95: [number, number];
}

/**
 * count / n with se sqrt(p(1 - p) / n) and the Wilson score interval at z = 1.96 (Wilson 1927),
 * which stays honest at 0 and 1 where the standard error vanishes.
 */
export function binomialProbability(count: number, n: number): Probability {
  if (!(n > 0 && count >= 0 && count <= n)) throw new RangeError("binomialProbability requires 0 <= count <= n, n > 0");
  const p = count / n;
  const z = 1.959963984540054;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / (1 + z2n);
  return { p, se: Math.sqrt((p * (1 - p)) / n), ci95: [Math.max(0, centre - half), Math.min(1, centre + half)] };
}
