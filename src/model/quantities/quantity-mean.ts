import type { Quantity } from "./quantity-schema.ts";

/**
 * The expected value of a quantity in its first year (a driver: its stated mean; a normal: its
 * mean before any truncation; a list: its first value). Used to balance a budget by expectation.
 */
export function quantityMean(q: Quantity): number {
  if (typeof q === "number") return q;
  if (Array.isArray(q)) return q[0];
  switch (q.dist) {
    case "constant":
      return q.value;
    case "uniform":
      return (q.min + q.max) / 2;
    case "triangular":
      return (q.min + q.mode + q.max) / 3;
    case "pert":
      return (q.min + q.lambda * q.mode + q.max) / (q.lambda + 2);
    case "normal":
    case "lognormal":
    case "driver":
      return q.mean;
    case "beta":
      return q.min + ((q.max - q.min) * q.alpha) / (q.alpha + q.beta);
    case "bernoulli":
      return q.p;
    case "discrete": {
      const total = q.weights.reduce((a, b) => a + b, 0);
      return q.values.reduce((s, v, i) => s + (v * q.weights[i]) / total, 0);
    }
  }
}
