import { quantileSorted } from "./quantile-sorted.ts";
import { Welford } from "./welford.ts";

/** The percentiles every reported figure carries. */
export const REPORTED_PERCENTILES = [5, 10, 50, 90, 95] as const;

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
  return {
    mean: w.mean,
    sd: w.standardDeviation,
    se: w.standardError,
    p5: quantileSorted(sorted, 0.05),
    p10: quantileSorted(sorted, 0.1),
    p50: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    p95: quantileSorted(sorted, 0.95),
  };
}

/** Share of values below zero with its binomial standard error sqrt(p(1 - p) / n). */
export function probabilityNegative(values: Float64Array): { p: number; se: number } {
  if (values.length === 0) throw new RangeError("probabilityNegative requires at least one value");
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < 0) count++;
  const p = count / values.length;
  return { p, se: Math.sqrt((p * (1 - p)) / values.length) };
}
