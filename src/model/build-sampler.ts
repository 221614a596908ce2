import {
  bernoulli, beta, constant, discrete, lognormal, lognormalParametersFromMoments, normal, pert, triangular, uniform,
} from "../engine/index.ts";
import type { Quantity } from "./quantity-schema.ts";

/** A sampler over `source` for a validated quantity; constants draw nothing. */
export function buildSampler(source: () => number, q: Exclude<Quantity, readonly number[]>): () => number {
  if (typeof q === "number") return constant(q);
  switch (q.dist) {
    case "constant":
      return constant(q.value);
    case "uniform":
      return uniform(source, q.min, q.max);
    case "triangular":
      return triangular(source, q.min, q.mode, q.max);
    case "pert":
      return pert(source, q.min, q.mode, q.max, q.lambda);
    case "normal":
      return normal(source, q.mean, q.sd, q.min ?? -Infinity, q.max ?? Infinity);
    case "lognormal": {
      const { meanLog, sdLog } = lognormalParametersFromMoments(q.mean, q.sd);
      return lognormal(source, meanLog, sdLog);
    }
    case "beta":
      return beta(source, q.alpha, q.beta, q.min, q.max);
    case "bernoulli":
      return bernoulli(source, q.p);
    case "discrete":
      return discrete(source, q.values, q.weights);
  }
}

/** True when a quantity has no uncertainty. */
export function isConstant(q: Quantity): q is number | number[] | Extract<Quantity, { dist: "constant" }> {
  return typeof q === "number" || Array.isArray(q) || q.dist === "constant";
}

/** A one-line description of a quantity for the assumptions list: "pert(4.6m, 6.1m, 9m)". */
export function describeQuantity(q: Quantity): string {
  if (typeof q === "number") return String(q);
  if (Array.isArray(q)) return `by year: ${q.join(", ")}`;
  switch (q.dist) {
    case "constant":
      return String(q.value);
    case "uniform":
      return `uniform(${q.min}, ${q.max})`;
    case "triangular":
      return `triangular(${q.min}, ${q.mode}, ${q.max})`;
    case "pert":
      return `pert(${q.min}, ${q.mode}, ${q.max})`;
    case "normal":
      return `normal(mean ${q.mean}, sd ${q.sd}${q.min !== undefined ? `, min ${q.min}` : ""}${q.max !== undefined ? `, max ${q.max}` : ""}${q.autocorrelation !== undefined ? `, AR(1) ${q.autocorrelation}` : ""})`;
    case "lognormal":
      return `lognormal(mean ${q.mean}, sd ${q.sd})`;
    case "beta":
      return `beta(${q.alpha}, ${q.beta}) on [${q.min}, ${q.max}]`;
    case "bernoulli":
      return `bernoulli(${q.p})`;
    case "discrete":
      return `discrete(${q.values.join(", ")})`;
  }
}
