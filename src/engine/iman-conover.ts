import { createRequire } from "node:module";
import { averageRanks, pearson } from "./statistics/rank-correlation.ts";

type MathJs = typeof import("mathjs");
let mathjs: MathJs | null = null;

/**
 * mathjs, loaded on first use: loading it in every worker thread cost 60 MB of memory a thread and
 * half a second of start-up on the benchmark (1M iterations: 440 MB against 247 MB without),
 * and only scenarios with correlations need it.
 */
function math(): MathJs {
  mathjs ??= createRequire(import.meta.url)("mathjs") as MathJs;
  return mathjs;
}

/** Standard normal quantile by bisection on mathjs's erf: exact enough for scores, computed once per n. */
function normalQuantile(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (0.5 * (1 + math().erf(mid / Math.SQRT2)) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const scoreCache = new Map<number, Float64Array>();

/** Van der Waerden scores: the normal quantiles of i / (n + 1), i = 1..n. */
function scores(n: number): Float64Array {
  let s = scoreCache.get(n);
  if (s === undefined) {
    s = Float64Array.from({ length: n }, (_, i) => normalQuantile((i + 1) / (n + 1)));
    scoreCache.set(n, s);
  }
  return s;
}

/**
 * The smallest eigenvalue of a symmetric matrix (mathjs eigs), to check that a correlation
 * matrix is positive semi-definite before it is used.
 */
export function smallestEigenvalue(matrix: number[][]): number {
  const values = math().eigs(matrix).values as unknown as number[] | { toArray(): number[] };
  const list = Array.isArray(values) ? values : values.toArray();
  return Math.min(...list.map(Number));
}

/**
 * Reorders samples so that their rank correlations approach `target`, leaving each variable's
 * values (its marginal) unchanged: Iman and Conover (1982), "A distribution-free approach to
 * inducing rank correlation among input variables". Scores take each variable's own rank order,
 * are decorrelated with the inverse square root of their sample correlation and recorrelated with
 * the target's square root (symmetric square roots, mathjs sqrtm), and each variable is then
 * rearranged to the ranks of its new scores. `samples[j]` is variable j's n values, rewritten in place.
 */
export function imanConover(samples: Float64Array[], targetRoot: number[][]): void {
  const k = samples.length;
  const n = samples[0].length;
  const a = scores(n);
  const R = samples.map((x) => {
    const ranks = averageRanks(x);
    return Float64Array.from(ranks, (r) => a[Math.round(r) - 1]);
  });
  const E: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => pearson(R[i], R[j])));
  const { inv, multiply, sqrtm } = math();
  const transform = multiply(inv(sqrtm(E) as number[][]), targetRoot) as number[][];
  for (let j = 0; j < k; j++) {
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let m = 0; m < k; m++) v += R[m][i] * transform[m][j];
      t[i] = v;
    }
    const sorted = Float64Array.from(samples[j]).sort();
    const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => t[x] - t[y]);
    order.forEach((row, rank) => (samples[j][row] = sorted[rank]));
  }
}

/** The symmetric square root of a correlation matrix (mathjs sqrtm), precomputed once per run. */
export function correlationRoot(target: number[][]): number[][] {
  return math().sqrtm(target) as number[][];
}

