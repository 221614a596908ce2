import { lognormalParametersFromMoments } from "../../engine/index.ts";
import type { Quantity } from "../quantities/quantity-schema.ts";

/** Beyond these, beta and PERT shapes make Cheng's sampler slow or inexact; nobody states beliefs that sharply. */
export const SHAPE_LIMITS = { minShape: 0.01, maxShape: 10_000, maxLambda: 1_000, maxLognormalCv: 20 } as const;

/**
 * The values a validated quantity can take, [low, high]: its bounds, or 8 standard deviations for
 * an unbounded normal (the engine's own cut-off), or the lognormal's 8-sd range in log space. A
 * yearly driver's shocks are heavy-tailed and unbounded, so its stated mean stands for it.
 */
export function quantitySupport(q: Quantity): [number, number] {
  if (typeof q === "number") return [q, q];
  if (Array.isArray(q)) return [Math.min(...q), Math.max(...q)];
  switch (q.dist) {
    case "constant":
      return [q.value, q.value];
    case "uniform":
    case "triangular":
    case "pert":
    case "beta":
      return [q.min, q.max];
    case "normal":
      return [q.min ?? q.mean - 8 * q.sd, q.max ?? q.mean + 8 * q.sd];
    case "lognormal": {
      const { meanLog, sdLog } = lognormalParametersFromMoments(q.mean, Math.min(q.sd, q.mean * SHAPE_LIMITS.maxLognormalCv));
      return [Math.exp(meanLog - 8 * sdLog), Math.exp(meanLog + 8 * sdLog)];
    }
    case "bernoulli":
      return [0, 1];
    case "discrete":
      return [Math.min(...q.values), Math.max(...q.values)];
    case "driver":
      return [q.mean, q.mean];
  }
}

/**
 * Problems with a distribution's own parameters that would make sampling slow, inexact or
 * overflow, as [field, message] pairs relative to the quantity.
 */
export function distributionProblems(q: Quantity): [string, string][] {
  if (typeof q === "number" || Array.isArray(q)) return [];
  const out: [string, string][] = [];
  const { minShape, maxShape, maxLambda, maxLognormalCv } = SHAPE_LIMITS;
  if (q.dist === "beta") {
    for (const field of ["alpha", "beta"] as const) {
      if (q[field] < minShape || q[field] > maxShape) out.push([field, `expected a shape from ${minShape} to ${maxShape.toLocaleString("en-GB")}, got ${q[field]}`]);
    }
  }
  if (q.dist === "pert" && q.lambda > maxLambda) out.push(["lambda", `expected lambda at most ${maxLambda.toLocaleString("en-GB")}, got ${q.lambda}`]);
  if (q.dist === "lognormal" && q.sd > q.mean * maxLognormalCv) {
    out.push(["sd", `expected sd at most ${maxLognormalCv} times the mean (a coefficient of variation of ${maxLognormalCv * 100}%), got sd ${q.sd} for mean ${q.mean}`]);
  }
  if (q.dist === "lognormal" && q.mean < 1e-9 && q.mean !== 0) out.push(["mean", `expected a mean of at least 1e-9 (or a constant 0), got ${q.mean}`]);
  return out;
}
