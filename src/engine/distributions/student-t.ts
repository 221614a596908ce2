import { gamma } from "./gamma.ts";
import { standardNormal } from "./normal.ts";

/**
 * Student's t with `df` degrees of freedom, scaled to unit variance (df > 2): a standard normal
 * over sqrt(chi-squared / df), times sqrt((df - 2) / df). Heavy-tailed shocks with the same spread
 * as a standard normal: at df = 4 a 1-in-100 shock is about 2.6 sd against the normal's 2.3.
 */
export function studentT(source: () => number, df: number): () => number {
  if (!(Number.isFinite(df) && df > 2)) throw new RangeError("studentT requires df > 2");
  const z = standardNormal(source);
  const g = gamma(source, df / 2);
  const scale = Math.sqrt((df - 2) / df);
  return () => {
    const chi2 = 2 * g();
    return (z() / Math.sqrt(chi2 / df)) * scale;
  };
}
