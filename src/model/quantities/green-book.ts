/**
 * HM Treasury Green Book discounting: the given real rate for years 0 to 30, then 3.0% to year 75
 * and 2.5% after (Green Book 2022, table 8). Year 0 is the first year of the horizon, undiscounted.
 * At 3.5%: year 1 0.9662, year 10 0.7089, year 30 0.3563.
 */
export function discountFactors(years: number, rate = 0.035): Float64Array {
  const factors = new Float64Array(years);
  let f = 1;
  for (let t = 0; t < years; t++) {
    if (t > 0) f /= 1 + (t <= 30 ? rate : t <= 75 ? 0.03 : 0.025);
    factors[t] = f;
  }
  return factors;
}
