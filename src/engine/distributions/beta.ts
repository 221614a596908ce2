/** log(Number.MAX_VALUE): beyond it exp overflows. */
const EXP_MAX = 709.782712893384;
const LOG_4 = 1.3862944;

/**
 * Beta(alpha, beta) scaled to [min, max], by Cheng's rejection algorithms (Cheng 1978, "Generating
 * beta variates with nonintegral shape parameters", CACM 21(4)): BB when both shapes exceed 1, BC
 * otherwise, as ported in R's nmath/rbeta.c. About two uniforms a draw, against eight or more for
 * the ratio of two gammas.
 */
export function beta(
  source: () => number,
  alpha: number,
  betaShape: number,
  min = 0,
  max = 1,
): () => number {
  if (!(alpha > 0 && betaShape > 0 && Number.isFinite(alpha) && Number.isFinite(betaShape))) {
    throw new RangeError("beta requires alpha > 0 and beta > 0");
  }
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
    throw new RangeError("beta requires finite min <= max");
  }
  if (!Number.isFinite(max - min)) throw new RangeError("beta requires a finite range max - min");
  const width = max - min;
  const a = Math.min(alpha, betaShape);
  const b = Math.max(alpha, betaShape);
  const sum = a + b;
  const firstIsSmaller = alpha === a;
  const scaledExp = (scale: number, v: number) => (v <= EXP_MAX ? Math.min(scale * Math.exp(v), Number.MAX_VALUE) : Number.MAX_VALUE);

  if (a <= 1) {
    // Algorithm BC.
    const bet = 1 / a;
    const delta = 1 + b - a;
    const k1 = (delta * (0.0138889 + 0.0416667 * a)) / (b * bet - 0.777778);
    const k2 = 0.25 + (0.5 + 0.25 / delta) * a;
    return () => {
      let w: number;
      for (;;) {
        const u1 = source();
        const u2 = source();
        let z: number;
        if (u1 < 0.5) {
          const y = u1 * u2;
          z = u1 * y;
          if (0.25 * u2 + z - y >= k1) continue;
        } else {
          z = u1 * u1 * u2;
          if (z <= 0.25) {
            w = scaledExp(b, bet * Math.log(u1 / (1 - u1)));
            break;
          }
          if (z >= k2) continue;
        }
        const v = bet * Math.log(u1 / (1 - u1));
        w = scaledExp(b, v);
        if (sum * (Math.log(sum / (a + w)) + v) - LOG_4 >= Math.log(z)) break;
      }
      return min + width * (firstIsSmaller ? a / (a + w) : w / (a + w));
    };
  }

  // Algorithm BB.
  const bet = Math.sqrt((sum - 2) / (2 * a * b - sum));
  const gam = a + 1 / bet;
  return () => {
    let w: number;
    for (;;) {
      const u1 = source();
      const u2 = source();
      const v = bet * Math.log(u1 / (1 - u1));
      w = scaledExp(a, v);
      const z = u1 * u1 * u2;
      const r = gam * v - LOG_4;
      const s = a + r - w;
      if (s + 2.609438 >= 5 * z) break;
      const t = Math.log(z);
      if (s > t) break;
      if (r + sum * Math.log(sum / (b + w)) >= t) break;
    }
    return min + width * (firstIsSmaller ? w / (b + w) : b / (b + w));
  };
}
