import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { Welford, normal, probabilityIntegralTransform } from "../src/engine/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";

describe("probabilityIntegralTransform(sample, observed)", () => {
  it("is the share below, ties counting half (hand: in 1, 2, 2, 4 at 2 it is (1 + 2/2) / 4)", () => {
    const xs = [4, 2, 1, 2];
    expect(probabilityIntegralTransform(xs, 2)).toBe(0.5);
    expect(probabilityIntegralTransform(xs, 3)).toBe(0.75);
    expect(probabilityIntegralTransform(xs, 1)).toBe(0.125);
    expect(probabilityIntegralTransform(xs, 0)).toBe(0);
    expect(probabilityIntegralTransform(new Float64Array(xs), 5)).toBe(1);
    expect(probabilityIntegralTransform([7, 7, 7], 7)).toBe(0.5);
  });

  // Outcome and n sample values i.i.d.: the outcome's rank is uniform on 0..n, so the PIT is uniform on
  // {0, 1/n, ..., 1}, with mean 1/2 and variance ((n + 1)^2 - 1) / (12 n^2) (a discrete uniform).
  it("is uniform for an outcome drawn from the forecast's own distribution: mean and variance within 4 SE", () => {
    const source = seedrandom.alea("pit:calibrated");
    const draw = normal(source, 0, 1);
    const n = 99;
    const forecasts = 4000;
    const pit = new Welford();
    const sample = new Float64Array(n);
    for (let f = 0; f < forecasts; f++) {
      for (let i = 0; i < n; i++) sample[i] = draw();
      pit.push(probabilityIntegralTransform(sample, draw()));
    }
    const variance = ((n + 1) ** 2 - 1) / (12 * n * n);
    assertInDelta(pit.mean, 0.5, 4 * Math.sqrt(variance / forecasts), "mean PIT");
    // Var(s^2) for a uniform is (mu4 - sigma^4) / N with mu4 = 9 sigma^4 / 5 (continuous limit).
    assertInDelta(pit.variance, variance, 4 * Math.sqrt((0.8 * variance * variance) / forecasts), "PIT variance");
  });

  it("requires at least one value and no NaN", () => {
    expect(() => probabilityIntegralTransform([], 0)).toThrow(new RangeError("probabilityIntegralTransform requires at least one value"));
    expect(() => probabilityIntegralTransform([1], Number.NaN)).toThrow(
      new RangeError("probabilityIntegralTransform requires an observed value, got NaN"),
    );
    expect(() => probabilityIntegralTransform([1, Number.NaN], 0)).toThrow(
      new RangeError("probabilityIntegralTransform requires numbers, got NaN"),
    );
  });
});
