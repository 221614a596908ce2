import { describe, expect, it } from "vitest";
import { betaCdf, betaQuantile, normalCdf, normalQuantile } from "../src/engine/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";

/** Simpson's rule on the unnormalised beta density, normalised: an independent check of betaCdf. */
function betaCdfBySimpson(a: number, b: number, x: number, steps = 20_000): number {
  const f = (t: number) => t ** (a - 1) * (1 - t) ** (b - 1);
  const integrate = (upper: number) => {
    const h = upper / steps;
    let sum = f(0) + f(upper);
    for (let i = 1; i < steps; i++) sum += f(i * h) * (i % 2 ? 4 : 2);
    return (sum * h) / 3;
  };
  return integrate(x) / integrate(1);
}

describe("betaCdf(a, b, x)", () => {
  // Shapes of 2 or more: Simpson's rule needs a density with a bounded derivative.
  it.each([
    [2, 5, 0.3],
    [4.6, 2.4, 0.8],
    [3, 3, 0.5],
    [1, 1, 0.37],
  ])("agrees with Simpson integration of the density for Beta(%s, %s) at %s", (a, b, x) => {
    assertInDelta(betaCdf(a, b, x), betaCdfBySimpson(a, b, x), 1e-9, "I_x(a, b)");
  });

  // To 1e-10: the continued fraction is exact to rounding, mathjs's lgamma to about 1e-12 relative.
  it("gives the closed forms: Beta(1, 1) is uniform, Beta(2, 1) is x^2, symmetric shapes give 0.5 at 0.5", () => {
    assertInDelta(betaCdf(1, 1, 0.37), 0.37, 1e-10, "uniform");
    assertInDelta(betaCdf(2, 1, 0.6), 0.36, 1e-10, "x^2");
    assertInDelta(betaCdf(0.5, 0.5, 0.5), 0.5, 1e-10, "arcsine median");
  });
});

describe("quantile tables", () => {
  // Linear interpolation between 2,049 points: worst in the tails, where F(Q(u)) is off by about
  // 2e-6 at u = 0.001. 1e-5 is 1% of a Latin hypercube stratum (1/1024), so strata stay exact.
  it("invert the CDF: F(Q(u)) is u to within 1e-5 across (0, 1)", () => {
    const q = betaQuantile(2.11, 3.89);
    const z = normalQuantile(0, 1);
    for (const u of [0.001, 0.01, 0.1, 0.37, 0.5, 0.9, 0.99, 0.999]) {
      assertInDelta(betaCdf(2.11, 3.89, q(u)), u, 1e-5, `beta at ${u}`);
      assertInDelta(normalCdf(z(u)), u, 1e-5, `normal at ${u}`);
    }
    expect(z(0.5)).toBeCloseTo(0, 9);
  });
});
