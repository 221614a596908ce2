import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { Welford, binIndex, normal, quantileFromBins, quantileSorted } from "../src/engine/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";
import { draw } from "./helpers/sample-moments.ts";

describe("quantileFromBins(counts, lo, hi, p, min, max)", () => {
  const xs = draw(normal(seedrandom.alea("binned"), 100, 15), 200_000);
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) [min, max] = [Math.min(min, x), Math.max(max, x)];
  const [lo, hi, bins] = [40, 160, 2048];
  const counts = new Uint32Array(bins + 2);
  for (const x of xs) counts[binIndex(x, lo, hi, bins)]++;
  const sorted = Float64Array.from(xs).sort();

  it.each([0.05, 0.1, 0.5, 0.9, 0.95])("is within one bin width of the exact quantile %s", (p) => {
    assertInDelta(quantileFromBins(counts, lo, hi, p, min, max), quantileSorted(sorted, p), (hi - lo) / bins, `q(${p})`);
  });

  it("counts values outside [lo, hi) in the end bins and keeps estimates inside [min, max]", () => {
    const c = new Uint32Array(4 + 2);
    [-5, 0.5, 1.5, 9].forEach((x) => c[binIndex(x, 0, 4, 4)]++);
    expect(Array.from(c)).toEqual([1, 1, 1, 0, 0, 1]);
    expect(quantileFromBins(c, 0, 4, 0, -5, 9)).toBeGreaterThanOrEqual(-5);
    expect(quantileFromBins(c, 0, 4, 1, -5, 9)).toBeLessThanOrEqual(9);
  });
});

describe("Welford.merge", () => {
  it("gives the mean and variance of the whole from its parts (to rounding)", () => {
    const xs = draw(normal(seedrandom.alea("merge"), 5, 2), 10_000);
    const whole = new Welford();
    xs.forEach((x) => whole.push(x));
    const merged = new Welford();
    for (let start = 0; start < xs.length; start += 777) {
      const part = new Welford();
      xs.subarray(start, start + 777).forEach((x) => part.push(x));
      merged.merge(part.count, part.mean, part.m2);
    }
    expect(merged.count).toBe(whole.count);
    assertInDelta(merged.mean, whole.mean, 1e-12, "mean");
    assertInDelta(merged.variance, whole.variance, 1e-10, "variance");
  });
});
