import type { UniformColumnTransform } from "./pert.ts";
/**
 * Triangular on [min, max] with peak at mode, by inverse CDF (one draw per sample).
 * https://en.wikipedia.org/wiki/Triangular_distribution#Generating_random_variates
 */
export function triangular(
  source: () => number,
  min: number,
  mode: number,
  max: number,
): () => number {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= mode && mode <= max)) {
    throw new RangeError("triangular requires min <= mode <= max");
  }
  if (!Number.isFinite(max - min)) throw new RangeError("triangular requires a finite range max - min");
  const quantile = triangularQuantile(min, mode, max);
  return () => quantile(source());
}

/** The triangular quantile function (inverse CDF), u in [0, 1) -> x; the sampler applies it to one draw. */
export function triangularQuantile(min: number, mode: number, max: number): (u: number) => number {
  const width = max - min;
  if (width === 0) return () => min;
  const split = (mode - min) / width;
  const lower = width * (mode - min);
  const upper = width * (max - mode);
  return (u) => (u < split ? min + Math.sqrt(u * lower) : max - Math.sqrt((1 - u) * upper));
}

/** The same draws as `triangular`, a column at a time: uniforms in values[from .. to) replaced in place (see pertColumn). */
export function triangularColumn(min: number, mode: number, max: number): UniformColumnTransform {
  triangular(() => 0, min, mode, max);
  const quantile = triangularQuantile(min, mode, max);
  return (values, from, to) => {
    for (let k = from; k < to; k++) values[k] = quantile(values[k]);
  };
}
