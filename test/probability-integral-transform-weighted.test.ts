import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { probabilityIntegralTransform, probabilityIntegralTransformWeighted } from "../src/engine/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";

describe("probabilityIntegralTransformWeighted(values, weights, observed)", () => {
  it("is the weight below plus half the weight equal (hand: 0.1 + (0.2 + 0.3) / 2 = 0.35)", () => {
    const xs = [1, 2, 2, 3];
    const ws = [0.1, 0.2, 0.3, 0.4];
    expect(probabilityIntegralTransformWeighted(xs, ws, 2)).toBeCloseTo(0.35, 15);
    expect(probabilityIntegralTransformWeighted(xs, ws, 2.5)).toBeCloseTo(0.6, 15);
    expect(probabilityIntegralTransformWeighted(xs, [1, 2, 3, 4], 3)).toBeCloseTo(0.8, 15);
    expect(probabilityIntegralTransformWeighted(xs, ws, 9)).toBe(1);
  });

  it("equals the unweighted PIT with equal weights", () => {
    const value = fc.integer({ min: -5, max: 5 }); // small integers, so that ties are common
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 30 }), value, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (xs, y, w) => {
        const weighted = probabilityIntegralTransformWeighted(xs, xs.map(() => w), y);
        assertInDelta(weighted, probabilityIntegralTransform(xs, y), 1e-12, "PIT");
      }),
    );
  });

  it("requires values, no NaN and one finite weight >= 0 per value with a positive total", () => {
    const f = probabilityIntegralTransformWeighted;
    const name = "probabilityIntegralTransformWeighted";
    expect(() => f([], [], 0)).toThrow(new RangeError(`${name} requires at least one value`));
    expect(() => f([1], [1], Number.NaN)).toThrow(new RangeError(`${name} requires an observed value, got NaN`));
    expect(() => f([Number.NaN], [1], 0)).toThrow(new RangeError(`${name} requires numbers, got NaN`));
    expect(() => f([1], [1, 2], 0)).toThrow(new RangeError(`${name} requires one weight per value`));
    expect(() => f([1], [-1], 0)).toThrow(new RangeError(`${name} requires finite weights >= 0`));
    expect(() => f([1, 2], [0, 0], 0)).toThrow(new RangeError(`${name} requires a positive total weight`));
  });
});
