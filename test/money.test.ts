import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { financialYear, sumPence, toPence } from "../src/model/index.ts";
import { penceByDecimal } from "../src/model/quantities/money.ts";

describe("toPence(amount)", () => {
  it.each([
    [1.005, 1.01], // 1.005 is 1.00499999999999989... in float64; the ledger value is 1.005
    [-45168.734999999404, -45168.74], // a half-penny a few ulps short, from the ledger test
    [2476785.714285714, 2476785.71],
    [0.125, 0.13],
    [-0.125, -0.13],
    [-0.001, 0],
    [123456789.125, 123456789.13], // exact in float64: rounds half away from zero
  ])("rounds %s to %s", (amount, pence) => {
    expect(toPence(amount)).toBe(pence);
  });

  // The float path (far from a half-penny) must give decimal.js's result for every amount.
  const amounts = fc.oneof(
    fc.double({ min: -1e14, max: 1e14, noNaN: true }),
    fc.double({ min: -1e4, max: 1e4, noNaN: true }),
    // Around half-pennies at every magnitude: k + 1/2 pence, nudged by a few ulps or by snap-sized steps.
    fc.tuple(fc.integer({ min: -13, max: 12 }), fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -8, max: 8 }), fc.constantFrom(0, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3))
      .map(([e, k, ulps, step]) => {
        const x = ((k + 0.5) / 100) * 10 ** Math.max(0, e) + ulps * step;
        return x + ulps * Number.EPSILON * Math.abs(x);
      }),
  );

  it("gives decimal.js's pence for any amount (fast-check, 20,000 amounts)", () => {
    fc.assert(fc.property(amounts, (x) => Object.is(toPence(x), penceByDecimal(x))), { numRuns: 20_000, seed: 20261207 });
  });

  it("gives decimal.js's pence for a million of a run's kind of figure", () => {
    let x = 1234.5678;
    for (let i = 0; i < 1_000_000; i++) {
      x = (x * 1.000_003_7 + 0.37) % 3e9; // millions to billions, every last digit in play
      const y = i % 2 === 0 ? x : -x / 7;
      if (!Object.is(toPence(y), penceByDecimal(y))) expect(toPence(y), `${y}`).toBe(penceByDecimal(y));
    }
  });

  it("throws on NaN and infinities", () => {
    expect(() => toPence(Number.NaN)).toThrow(RangeError);
    expect(() => toPence(Infinity)).toThrow(RangeError);
  });

  it("sums pence exactly where floats would not (0.1 + 0.2)", () => {
    expect(sumPence([0.1, 0.2])).toBe(0.3);
  });
});

describe("financialYear(startYear)", () => {
  it("names April-to-March years", () => {
    expect([financialYear(2023), financialYear(2099)]).toEqual(["2023-24", "2099-00"]);
  });
});
