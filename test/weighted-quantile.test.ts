import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantileSorted, weightedQuantile } from "../src/engine/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";

describe("weightedQuantile(values, weights, p)", () => {
  it("interpolates between mid-points of the weighted CDF (hand: positions 0.25, 0.625, 0.875)", () => {
    const xs = [3, 1, 2];
    const ws = [0.25, 0.5, 0.25];
    expect(weightedQuantile(xs, ws, 0.5)).toBeCloseTo(1 + 0.25 / 0.375, 14);
    expect(weightedQuantile(xs, ws, 0.75)).toBeCloseTo(2.5, 14);
    expect(weightedQuantile(xs, ws, 0.625)).toBe(2);
    expect(weightedQuantile(xs, ws, 0.1)).toBe(1);
    expect(weightedQuantile(xs, ws, 0.95)).toBe(3);
  });

  it("is Hazen's type 5 for equal weights (NumPy quantile(method='hazen') of 1, 2, 4, 8, 16: 1, 2.5, 4, 16)", () => {
    const xs = [1, 2, 4, 8, 16];
    const ws = [1, 1, 1, 1, 1];
    expect([0.1, 0.35, 0.5, 0.9].map((p) => weightedQuantile(xs, ws, p))).toEqual([1, 2.5, 4, 16]);
  });

  // Both definitions interpolate the same order statistics, at fractional index (n - 1)p for type 7
  // and np - 1/2 (clamped to [0, n - 1]) for this one: so with equal weights this one's p-quantile is
  // quantileSorted's at p' = clamp((np - 1/2) / (n - 1)), and the two differ only by that shift of p.
  it("equals the R-7 quantileSorted at the shifted p' = (np - 1/2) / (n - 1) for equal weights", () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const n = xs.length;
        const sorted = Float64Array.from(xs).sort();
        const shifted = Math.min(1, Math.max(0, (n * p - 0.5) / (n - 1)));
        const scale = Math.max(1, ...xs.map(Math.abs));
        assertInDelta(weightedQuantile(xs, xs.map(() => 3), p), quantileSorted(sorted, shifted), 1e-9 * scale, `Q(${p})`);
      }),
    );
  });

  it("ignores values of zero weight and stays within the range of the weighted values", () => {
    expect(weightedQuantile([1, 100, 2], [1, 0, 1], 0.9)).toBe(2);
    expect(weightedQuantile([5], [2], 0.3)).toBe(5);
  });

  it("requires values, no NaN, 0 <= p <= 1 and one finite weight >= 0 per value with a positive total", () => {
    const f = weightedQuantile;
    expect(() => f([], [], 0.5)).toThrow(new RangeError("weightedQuantile requires at least one value"));
    expect(() => f([Number.NaN], [1], 0.5)).toThrow(new RangeError("weightedQuantile requires numbers, got NaN"));
    expect(() => f([1], [1], Number.NaN)).toThrow(new RangeError("weightedQuantile requires 0 <= p <= 1"));
    expect(() => f([1], [1, 1], 0.5)).toThrow(new RangeError("weightedQuantile requires one weight per value"));
    expect(() => f([1], [Infinity], 0.5)).toThrow(new RangeError("weightedQuantile requires finite weights >= 0"));
    expect(() => f([1], [0], 0.5)).toThrow(new RangeError("weightedQuantile requires a positive total weight"));
  });
});
