import type { UniformColumnTransform } from "./pert.ts";
/** Uniform on [min, max). Inverse CDF: one draw per sample. */
export function uniform(source: () => number, min: number, max: number): () => number {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
    throw new RangeError("uniform requires finite min <= max");
  }
  const width = max - min;
  if (!Number.isFinite(width)) throw new RangeError("uniform requires a finite range max - min");
  return () => min + width * source();
}

/** The same draws as `uniform`, a column at a time: uniforms in values[from .. to) replaced in place (see pertColumn). */
export function uniformColumn(min: number, max: number): UniformColumnTransform {
  uniform(() => 0, min, max);
  const width = max - min;
  return (values, from, to) => {
    for (let k = from; k < to; k++) values[k] = min + width * values[k];
  };
}
