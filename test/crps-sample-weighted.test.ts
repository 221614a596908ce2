import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crpsSample, crpsSampleWeighted } from "../src/engine/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";

/** The definition, sum w_i |x_i - y| - (1/2) sum w_i w_j |x_i - x_j| with w normalised: O(n^2), for checking. */
function crpsByPairs(xs: number[], ws: number[], y: number): number {
  const total = ws.reduce((a, b) => a + b, 0);
  let single = 0;
  let pairs = 0;
  xs.forEach((a, i) => {
    single += (ws[i] / total) * Math.abs(a - y);
    xs.forEach((b, j) => (pairs += ((ws[i] * ws[j]) / (total * total)) * Math.abs(a - b)));
  });
  return single - pairs / 2;
}

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const scaleOf = (xs: number[], y: number) => Math.max(1, Math.abs(y), ...xs.map(Math.abs));

describe("crpsSampleWeighted(values, weights, observed)", () => {
  it("scores {0, 1} with weights 1/4, 3/4 at 0.5 as 0.3125 (hand: 0.5 - (2 * 3/16 * 1) / 2)", () => {
    expect(crpsSampleWeighted([0, 1], [0.25, 0.75], 0.5)).toBe(0.3125);
  });

  it("equals crpsSample with equal weights, whatever their scale", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), value, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (xs, y, w) => {
        const weighted = crpsSampleWeighted(xs, xs.map(() => w), y);
        assertInDelta(weighted, crpsSample(xs, y), 1e-12 * scaleOf(xs, y), "CRPS");
      }),
      { seed: 20261125 },
    );
  });

  it("equals crpsSample of the sample with each value repeated as often as its integer weight", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 30 }), value, (pairs, y) => {
        fc.pre(pairs.some(([, k]) => k > 0));
        const xs = pairs.map(([x]) => x);
        const repeated = pairs.flatMap(([x, k]) => Array<number>(k).fill(x));
        const weighted = crpsSampleWeighted(xs, pairs.map(([, k]) => k), y);
        assertInDelta(weighted, crpsSample(repeated, y), 1e-12 * scaleOf(xs, y), "CRPS");
      }),
      { seed: 20261125 },
    );
  });

  it("equals the O(n^2) definition for arbitrary weights and is non-negative", () => {
    const weight = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(value, weight), { minLength: 1, maxLength: 30 }), value, (pairs, y) => {
        const ws = pairs.map(([, w]) => w);
        fc.pre(ws.reduce((a, b) => a + b, 0) > 1e-6);
        const xs = pairs.map(([x]) => x);
        const score = crpsSampleWeighted(xs, ws, y);
        expect(score).toBeGreaterThanOrEqual(0);
        assertInDelta(score, crpsByPairs(xs, ws, y), 1e-11 * scaleOf(xs, y), "CRPS");
      }),
      { seed: 20261125 },
    );
  });

  it("requires values, finite values, one finite weight >= 0 per value and a positive total", () => {
    const f = crpsSampleWeighted;
    expect(() => f([], [], 0)).toThrow(new RangeError("crpsSampleWeighted requires at least one value"));
    expect(() => f([Number.NaN], [1], 0)).toThrow(new RangeError("crpsSampleWeighted requires finite values"));
    expect(() => f([1], [1], Number.NaN)).toThrow(new RangeError("crpsSampleWeighted requires a finite observed value"));
    expect(() => f([1, 2], [1], 0)).toThrow(new RangeError("crpsSampleWeighted requires one weight per value"));
    expect(() => f([1], [Number.NaN], 0)).toThrow(new RangeError("crpsSampleWeighted requires finite weights >= 0"));
    expect(() => f([1, 2], [1, -1], 0)).toThrow(new RangeError("crpsSampleWeighted requires finite weights >= 0"));
    expect(() => f([1], [0], 0)).toThrow(new RangeError("crpsSampleWeighted requires a positive total weight"));
  });
});
