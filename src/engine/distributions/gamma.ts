import { standardNormal } from "./normal.ts";

/**
 * Gamma(shape, scale 1) by Marsaglia and Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3). Shape below 1 uses the boost Gamma(shape + 1) * U^(1/shape).
 */
export function gamma(source: () => number, shape: number): () => number {
  if (!(Number.isFinite(shape) && shape > 0)) throw new RangeError("gamma requires shape > 0");
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const invShape = 1 / shape;
  const standard = standardNormal(source);
  return () => {
    let v: number;
    let x: number;
    for (;;) {
      do {
        x = standard();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = source();
      if (u < 1 - 0.0331 * x * x * x * x) break;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) break;
    }
    const g = d * v;
    return boosted ? g * Math.pow(source(), invShape) : g;
  };
}
