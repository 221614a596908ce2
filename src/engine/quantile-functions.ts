import { createRequire } from "node:module";

type MathJs = typeof import("mathjs");
let mathjs: MathJs | null = null;
/** mathjs (erf, lgamma), loaded only when a run asks for Latin hypercube sampling. */
function math(): MathJs {
  mathjs ??= createRequire(import.meta.url)("mathjs") as MathJs;
  return mathjs;
}

/** Points in a quantile table: linear interpolation between them, so its error is a small fraction of a grid step. */
const GRID = 2048;

/** Standard normal CDF from mathjs's erf. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + math().erf(z / Math.SQRT2));
}

/** Continued fraction for the incomplete beta (Numerical Recipes 6.4, betacf, modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b): the Beta(a, b) CDF (Numerical Recipes 6.4, betai). */
export function betaCdf(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const { lgamma } = math();
  const front = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/**
 * A quantile function u -> x tabulated from a continuous CDF on [lo, hi]: each grid point found by
 * bisection, values between them by linear interpolation. Built once per input per run.
 */
export function tabulatedQuantile(cdf: (x: number) => number, lo: number, hi: number): (u: number) => number {
  const table = new Float64Array(GRID + 1);
  table[0] = lo;
  table[GRID] = hi;
  let left = lo;
  for (let g = 1; g < GRID; g++) {
    const target = g / GRID;
    let a = left;
    let b = hi;
    for (let i = 0; i < 60 && b - a > 1e-12 * Math.max(1, Math.abs(b)); i++) {
      const mid = (a + b) / 2;
      if (cdf(mid) < target) a = mid;
      else b = mid;
    }
    table[g] = (a + b) / 2;
    left = table[g];
  }
  return (u: number) => {
    const h = u * GRID;
    const i = Math.min(GRID - 1, Math.floor(h));
    return table[i] + (h - i) * (table[i + 1] - table[i]);
  };
}

/** Beta(alpha, beta) on [min, max], as a tabulated quantile function. */
export function betaQuantile(alpha: number, beta: number, min = 0, max = 1): (u: number) => number {
  const q = tabulatedQuantile((x) => betaCdf(alpha, beta, x), 0, 1);
  return (u) => min + (max - min) * q(u);
}

/**
 * Normal(mean, sd) truncated to [lo, hi] (infinite bounds cut at 8 sd, beyond which the table cannot
 * reach), as a tabulated quantile function.
 */
export function normalQuantile(mean: number, sd: number, lo = -Infinity, hi = Infinity): (u: number) => number {
  if (sd === 0) return () => mean;
  const a = Math.max(lo, mean - 8 * sd);
  const b = Math.min(hi, mean + 8 * sd);
  const [fa, fb] = [normalCdf((a - mean) / sd), normalCdf((b - mean) / sd)];
  return tabulatedQuantile((x) => (normalCdf((x - mean) / sd) - fa) / (fb - fa), a, b);
}
