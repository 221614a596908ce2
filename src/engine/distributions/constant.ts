/** A quantity with no uncertainty; it draws nothing from any source. */
export function constant(value: number): () => number {
  if (!Number.isFinite(value)) throw new RangeError("constant requires a finite value");
  return () => value;
}
