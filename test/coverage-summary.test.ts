import { beforeAll, describe, expect, it } from "vitest";
import { coverageSummary } from "../src/engine/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";

const hitsOf = (hits: number, n: number) => Array.from({ length: n }, (_, i) => i < hits);

/** P(X = k) for X ~ Binomial(n, p), by logs: exact enough for the coverage sum below. */
function binomialPmf(k: number, n: number, p: number): number {
  let log = k * Math.log(p) + (n - k) * Math.log1p(-p);
  for (let j = 1; j <= k; j++) log += Math.log((n - k + j) / j);
  return Math.exp(log);
}

describe("coverageSummary(inside, nominal)", () => {
  // The first call loads mathjs for betaCdf's lgamma: seconds on a loaded machine, so outside the tests' timeout.
  beforeAll(() => void coverageSummary([true], 0.5), 60_000);

  // SciPy 1.17: binomtest(k, n).proportion_ci(method="exact"). To 1e-9: the ends are found by
  // bisection to 1e-12 on betaCdf, itself good to about 1e-12.
  it.each([
    [8, 10, 0.4439045376923585, 0.9747892736731665],
    [0, 10, 0, 0.30849710781876294],
    [10, 10, 0.6915028921812371, 1],
    [17, 20, 0.6210731734547044, 0.9679290628144552],
    [45, 50, 0.7818646335657977, 0.9667249064109785],
    [1, 1, 0.025, 1],
  ])("gives the Clopper-Pearson interval for %s of %s (SciPy: %s to %s)", (hits, n, lo, hi) => {
    const s = coverageSummary(hitsOf(hits, n), 0.8);
    expect([s.hits, s.n, s.rate]).toEqual([hits, n, hits / n]);
    assertInDelta(s.ci95[0], lo, 1e-9, "lower end");
    assertInDelta(s.ci95[1], hi, 1e-9, "upper end");
  });

  it("counts hits wherever they are and says whether the nominal rate lies inside the interval", () => {
    const inside = [true, false, true, true, true, true, false, true, true, true];
    expect(coverageSummary(inside, 0.8)).toMatchObject({ hits: 8, n: 10, rate: 0.8, nominal: 0.8, consistentWithNominal: true });
    expect(coverageSummary(inside, 0.4).consistentWithNominal).toBe(false); // below 0.4439
    expect(coverageSummary(hitsOf(17, 20), 0.5).consistentWithNominal).toBe(false); // below 0.6211
    expect(coverageSummary(hitsOf(0, 10), 0.8).consistentWithNominal).toBe(false); // above 0.3085
  });

  // Clopper-Pearson's promise: for every true rate the interval holds it with probability >= 0.95.
  // Summed exactly over the 21 outcomes of n = 20.
  it.each([0.1, 0.5, 0.8, 0.93])("covers a true rate of %s at least 95% of the time for n = 20 (exact sum)", (p) => {
    const n = 20;
    let coverage = 0;
    for (let k = 0; k <= n; k++) {
      const [lo, hi] = coverageSummary(hitsOf(k, n), p).ci95;
      if (lo <= p && p <= hi) coverage += binomialPmf(k, n, p);
    }
    expect(coverage).toBeGreaterThanOrEqual(0.95);
  });

  it("requires at least one forecast and 0 <= nominal <= 1", () => {
    expect(() => coverageSummary([], 0.8)).toThrow(new RangeError("coverageSummary requires at least one forecast"));
    expect(() => coverageSummary([true], Number.NaN)).toThrow(new RangeError("coverageSummary requires 0 <= nominal <= 1"));
    expect(() => coverageSummary([true], 80)).toThrow(new RangeError("coverageSummary requires 0 <= nominal <= 1"));
  });
});
