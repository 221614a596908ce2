/** Uniform on [min, max). Inverse CDF: one draw per sample. */
export function uniform(source: () => number, min: number, max: number): () => number {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
    throw new RangeError("uniform requires finite min <= max");
  }
  const width = max - min;
  if (!Number.isFinite(width)) throw new RangeError("uniform requires a finite range max - min");
  return () => min + width * source();
}
