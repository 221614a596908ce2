import { beta } from "./beta.ts";

/**
 * PERT(min, mode, max): a beta on [min, max] with mean (min + lambda * mode + max) / (lambda + 2),
 * lambda 4 by default (Vose, Risk Analysis, 3rd ed., section 9.1.8).
 */
export function pert(
  source: () => number,
  min: number,
  mode: number,
  max: number,
  lambda = 4,
): () => number {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= mode && mode <= max)) {
    throw new RangeError("pert requires min <= mode <= max");
  }
  if (!(lambda > 0 && Number.isFinite(lambda))) throw new RangeError("pert requires lambda > 0");
  if (!Number.isFinite(max - min)) throw new RangeError("pert requires a finite range max - min");
  if (min === max) return () => min;
  const { alpha, beta: betaShape } = pertShapes(min, mode, max, lambda);
  return beta(source, alpha, betaShape, min, max);
}

/** The beta shape parameters of a PERT distribution. */
export function pertShapes(
  min: number,
  mode: number,
  max: number,
  lambda = 4,
): { alpha: number; beta: number } {
  const width = max - min;
  return {
    alpha: 1 + (lambda * (mode - min)) / width,
    beta: 1 + (lambda * (max - mode)) / width,
  };
}
