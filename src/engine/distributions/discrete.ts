/**
 * Discrete: one of `values` with probability proportional to `weights`, by inverse CDF over the
 * cumulative weights (linear scan: scenario lists are short).
 */
export function discrete(
  source: () => number,
  values: readonly number[],
  weights: readonly number[],
): () => number {
  if (values.length === 0 || values.length !== weights.length) {
    throw new RangeError("discrete requires as many weights as values, at least one");
  }
  if (weights.some((w) => !(w >= 0 && Number.isFinite(w)))) {
    throw new RangeError("discrete requires finite non-negative weights");
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new RangeError("discrete requires a positive total weight");
  const cumulative = new Float64Array(weights.length);
  let running = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i] / total;
    cumulative[i] = running;
  }
  cumulative[weights.length - 1] = 1;
  const vals = Float64Array.from(values);
  const last = vals.length - 1;
  return () => {
    const u = source();
    for (let i = 0; i < last; i++) if (u < cumulative[i]) return vals[i];
    return vals[last];
  };
}
