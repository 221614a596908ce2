import {
  bernoulli, beta, betaQuantile, constant, discrete, lognormal, lognormalParametersFromMoments, normal, normalQuantile, pert, pertColumn, pertShapes, triangular,
  triangularColumn, triangularQuantile, uniform, uniformColumn, type UniformColumnTransform,
} from "../../engine/index.ts";
import type { Quantity } from "../quantities/quantity-schema.ts";

/** A sampler over `source` for a validated quantity; constants draw nothing. */
export function buildSampler(source: () => number, q: Exclude<Quantity, readonly number[] | { dist: "driver" }>): () => number {
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

/**
 * For a quantity drawn by inverse transform from one uniform per value (uniform, triangular, PERT),
 * the transform that turns a column of its stream's uniforms into the values `buildSampler` draws,
 * bit for bit; undefined for the others.
 */
export function columnTransform(q: Exclude<Quantity, readonly number[] | { dist: "driver" }>): UniformColumnTransform | undefined {
  if (typeof q === "number") return undefined;
  switch (q.dist) {
    case "uniform":
      return uniformColumn(q.min, q.max);
    case "triangular":
      return triangularColumn(q.min, q.mode, q.max);
    case "pert":
      return pertColumn(q.min, q.mode, q.max, q.lambda);
    default:
      return undefined;
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
    case "driver":
      return `driver(${q.family}: mean ${q.mean}, national x${q.nationalLoading}, local sd ${q.localSd}, persistence ${q.localPersistence})`;
  }
}

const quantileMemo = new Map<string, (u: number) => number>();

/**
 * The quantile function (inverse CDF) of an uncertain quantity, for Latin hypercube sampling:
 * closed form where there is one, else a table built once per distinct quantity (memoised, as a
 * beta table costs tens of milliseconds).
 */
export function quantileFor(q: Exclude<Quantity, number | readonly number[] | { dist: "driver" }>): (u: number) => number {
  const key = JSON.stringify(q);
  let f = quantileMemo.get(key);
  if (f !== undefined) return f;
  switch (q.dist) {
    case "constant":
      f = () => q.value;
      break;
    case "uniform":
      f = (u) => q.min + u * (q.max - q.min);
      break;
    case "triangular":
      f = triangularQuantile(q.min, q.mode, q.max);
      break;
    case "pert": {
      if (q.min === q.max) {
        f = () => q.min;
        break;
      }
      const { alpha, beta: b } = pertShapes(q.min, q.mode, q.max, q.lambda);
      f = betaQuantile(alpha, b, q.min, q.max);
      break;
    }
    case "beta":
      f = betaQuantile(q.alpha, q.beta, q.min, q.max);
      break;
    case "normal":
      f = normalQuantile(q.mean, q.sd, q.min ?? -Infinity, q.max ?? Infinity);
      break;
    case "lognormal": {
      const { meanLog, sdLog } = lognormalParametersFromMoments(q.mean, q.sd);
      const z = normalQuantile(meanLog, sdLog);
      f = (u) => Math.exp(z(u));
      break;
    }
    case "bernoulli":
      f = (u) => (u < q.p ? 1 : 0);
      break;
    case "discrete": {
      const total = q.weights.reduce((a, b) => a + b, 0);
      const cumulative = q.weights.map(((sum) => (w: number) => (sum += w / total))(0));
      f = (u) => {
        const i = cumulative.findIndex((c) => u < c);
        return q.values[i < 0 ? q.values.length - 1 : i];
      };
      break;
    }
  }
  quantileMemo.set(key, f);
  return f;
}
