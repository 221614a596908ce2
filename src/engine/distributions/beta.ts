import { gamma } from "./gamma.ts";

/** Beta(alpha, beta) scaled to [min, max], as X / (X + Y) with X, Y independent gammas. */
export function beta(
  source: () => number,
  alpha: number,
  betaShape: number,
  min = 0,
  max = 1,
): () => number {
  if (!(alpha > 0 && betaShape > 0)) throw new RangeError("beta requires alpha > 0 and beta > 0");
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
    throw new RangeError("beta requires finite min <= max");
  }
  const x = gamma(source, alpha);
  const y = gamma(source, betaShape);
  const width = max - min;
  return () => {
    const a = x();
    return min + (width * a) / (a + y());
  };
}
