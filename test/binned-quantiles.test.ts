import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { Welford, binIndex, binnedStats, normal, quantileFromBins, quantileSorted } from "../src/engine/index.ts";
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

describe("binnedStats", () => {
  // It scans only the bins between min's and max's: the same bits as quantileFromBins over all of them.
  it.each([
    ["inside the range", 100, 15, 40, 160],
    ["spilling below and above it", 100, 40, 60, 140],
    ["in a corner of it", 50, 2, 0, 1000],
  ])("gives quantileFromBins' figures for values %s", (_, mean, sd, lo, hi) => {
    const xs = draw(normal(seedrandom.alea(`stats-${mean}-${sd}`), mean, sd), 5_000);
    const bins = 512;
    const counts = new Uint32Array(bins + 2);
    const w = new Welford();
    let [min, max, negatives, positives] = [Infinity, -Infinity, 0, 0];
    for (const x of xs) {
      counts[binIndex(x, lo, hi, bins)]++;
      w.push(x);
      [min, max] = [Math.min(min, x), Math.max(max, x)];
      if (x < 0) negatives++;
      else if (x > 0) positives++;
    }
    const s = binnedStats(w, counts, lo, hi, min, max, negatives, positives)!;
    const q = (p: number) => quantileFromBins(counts, lo, hi, p, min, max);
    expect([s.p5, s.p10, s.p50, s.p90, s.p95]).toEqual([q(0.05), q(0.1), q(0.5), q(0.9), q(0.95)]);
    expect(s.n).toBe(xs.length);
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
