import fc from "fast-check";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { Welford, crpsSample, normal } from "../src/engine/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";
import { standardNormalCdf, standardNormalPdf } from "./helpers/exact-cdfs.ts";

/** E|x - X| for X ~ N(mu, sigma): sigma (z (2 Phi(z) - 1) + 2 phi(z)), z = (x - mu) / sigma. */
function meanAbsoluteDeviationFromNormal(x: number, mu: number, sigma: number): number {
  const z = (x - mu) / sigma;
  return sigma * (z * (2 * standardNormalCdf(z) - 1) + 2 * standardNormalPdf(z));
}

/** Closed form (Gneiting and Raftery 2007, eq. 5): sigma (z (2 Phi(z) - 1) + 2 phi(z) - 1 / sqrt(pi)). */
function crpsNormal(y: number, mu: number, sigma: number): number {
  return meanAbsoluteDeviationFromNormal(y, mu, sigma) - sigma / Math.sqrt(Math.PI);
}

/** The definition, E|X - y| - E|X - X'| / 2 over all n^2 pairs: O(n^2), for checking only. */
function crpsByPairs(xs: number[], y: number): number {
  const n = xs.length;
  let single = 0;
  let pairs = 0;
  for (const a of xs) {
    single += Math.abs(a - y);
    for (const b of xs) pairs += Math.abs(a - b);
  }
  return single / n - pairs / (2 * n * n);
}

describe("crpsSample(sample, observed)", () => {
  const mu = 10;
  const sigma = 2;
  const n = 100_000;
  const xs = Float64Array.from({ length: n }, normal(seedrandom.alea("crps-sample:normal"), mu, sigma));

  // The estimate is mean |X - y| - (1 / 2n^2) sum |X_i - X_j|. To first order its error is the mean of
  // |X_i - y| - E|X_i - X'| (the pair term's influence function), so its standard error is that
  // quantity's sd / sqrt(n); the pair sum over n^2 (not n(n - 1)) adds a bias of sigma / (sqrt(pi) n).
  it.each([0, 1.5, -3])("matches the normal closed form at y = mu + %s sigma within 4 standard errors", (k) => {
    const y = mu + k * sigma;
    const influence = new Welford();
    for (const x of xs) influence.push(Math.abs(x - y) - meanAbsoluteDeviationFromNormal(x, mu, sigma));
    const expected = crpsNormal(y, mu, sigma) + sigma / (Math.sqrt(Math.PI) * n);
    assertInDelta(crpsSample(xs, y), expected, 4 * influence.standardError, `CRPS at z = ${k}`);
  });

  it("gives |x - y| for a point mass (hand calculation: 3 three times at 5 is 2)", () => {
    expect(crpsSample([3, 3, 3], 5)).toBe(2);
    expect(crpsSample([7], -1.5)).toBe(8.5);
  });

  it("scores the two-point sample {0, 1} at 0.25 as 0.25 (hand: E|X - y| = 0.5, E|X - X'| = 0.5)", () => {
    expect(crpsSample([1, 0], 0.25)).toBe(0.25);
    // Outside the sample: E|X - y| = (2 + 3) / 2, minus half of E|X - X'| = 1/2.
    expect(crpsSample(new Float64Array([0, 1]), -2)).toBe(2.25);
  });

  it("equals the O(n^2) definition on arbitrary samples, is non-negative and leaves its input alone", () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), value, (xs, y) => {
        const before = [...xs];
        const score = crpsSample(xs, y);
        const scale = Math.max(1, Math.abs(y), ...xs.map(Math.abs));
        expect(score).toBeGreaterThanOrEqual(0);
        assertInDelta(score, crpsByPairs(xs, y), 1e-12 * scale, "CRPS");
        expect(xs).toEqual(before);
      }),
      { seed: 20261125 },
    );
  });

  it("requires at least one value, finite values and a finite observation", () => {
    expect(() => crpsSample([], 0)).toThrow(new RangeError("crpsSample requires at least one value"));
    expect(() => crpsSample([1, Number.NaN], 0)).toThrow(new RangeError("crpsSample requires finite values"));
    expect(() => crpsSample([1, Infinity], 0)).toThrow(new RangeError("crpsSample requires finite values"));
    expect(() => crpsSample([1], Number.NaN)).toThrow(new RangeError("crpsSample requires a finite observed value"));
  });
});
