/** Bernoulli(p): 1 with probability p, else 0. */
export function bernoulli(source: () => number, p: number): () => number {
  if (!(p >= 0 && p <= 1)) throw new RangeError("bernoulli requires 0 <= p <= 1");
  return () => (source() < p ? 1 : 0);
}
