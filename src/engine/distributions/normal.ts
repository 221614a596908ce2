/**
 * Normal(mean, sd) by the Marsaglia polar method, with an optional [min, max] truncation done by
 * rejection (so the result is the exact truncated normal).
 * https://en.wikipedia.org/wiki/Marsaglia_polar_method
 */
export function normal(
  source: () => number,
  mean: number,
  sd: number,
  min = -Infinity,
  max = Infinity,
): () => number {
  if (!(Number.isFinite(mean) && Number.isFinite(sd) && sd >= 0)) {
    throw new RangeError("normal requires a finite mean and sd >= 0");
  }
  if (!(min < max) || mean + 8 * sd < min || mean - 8 * sd > max) {
    throw new RangeError("normal requires min < max with the bounds within 8 sd of the mean");
  }
  const standard = standardNormal(source);
  if (min === -Infinity && max === Infinity) return () => mean + sd * standard();
  if (sd === 0) return () => mean;
  return () => {
    for (;;) {
      const x = mean + sd * standard();
      if (x >= min && x <= max) return x;
    }
  };
}

/**
 * Standard normal variates from `source` by the polar method. The second variate of each pair is
 * discarded on purpose: a sampler must keep no state between calls, or a draw in one iteration
 * would leak into the next and results would depend on how iterations are split into blocks.
 */
export function standardNormal(source: () => number): () => number {
  return () => {
    let x: number;
    let r: number;
    do {
      x = 2 * source() - 1;
      const y = 2 * source() - 1;
      r = x * x + y * y;
    } while (r >= 1 || r === 0);
    return x * Math.sqrt((-2 * Math.log(r)) / r);
  };
}
