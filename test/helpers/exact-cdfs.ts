import { erf, lgamma } from "mathjs";

/** Standard normal CDF, Phi(z) = (1 + erf(z / sqrt 2)) / 2. */
export function standardNormalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/** Standard normal density. */
export function standardNormalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/**
 * Regularised lower incomplete gamma P(s, x) by its power series (Numerical Recipes 6.2, gser),
 * converges for all x when summed long enough; used with moderate x only.
 */
export function gammaCdf(shape: number, x: number): number {
  if (x <= 0) return 0;
  let term = 1 / shape;
  let sum = term;
  for (let n = 1; n < 10_000; n++) {
    term *= x / (shape + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
  }
  return sum * Math.exp(-x + shape * Math.log(x) - lgamma(shape));
}

/** The Beta(a, b) CDF: the engine's (tested on its own in test/quantile-functions.test.ts). */
export { betaCdf } from "../../src/engine/index.ts";
