import { describe, expect, it } from "vitest";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { orderStatistics } from "../src/engine/statistics/order-statistics.ts";
import { exactStats } from "../src/engine/index.ts";

/** The reference: a full sort (Float64Array's numeric order, -0 before +0), read at the ranks. */
function bySort(values: Float64Array, ranks: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ranks.map((r) => sorted[r]);
}

/** The ranks exactStats asks for at n values: R-7's pairs for P5 .. P95 and the 95% intervals' ends. */
function percentileRanks(n: number): number[] {
  const ranks = [0.05, 0.1, 0.5, 0.9, 0.95].flatMap((p) => [Math.floor((n - 1) * p), Math.min(Math.floor((n - 1) * p) + 1, n - 1)]);
  return [...ranks, 0, n - 1, Math.floor(n / 3)].sort((a, b) => a - b);
}

const u = seedrandom("order-statistics");
const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());

describe("orderStatistics(values, ranks)", () => {
  const cases: [string, Float64Array][] = [
    ["normal, 10,000 values", Float64Array.from({ length: 10_000 }, () => 2.5e8 + 1e7 * normal())],
    // A conditioned run: 2,800 distinct futures repeated in runs, as resampling leaves them.
    ["runs of repeated futures", Float64Array.from({ length: 10_000 }, (_, i) => Math.floor(Math.sqrt(i * 784)) * 1234.5)],
    ["one far outlier (almost every value in the first bucket)", Float64Array.from({ length: 5000 }, (_, i) => (i === 77 ? 1e15 : u()))],
    ["two values only", Float64Array.from({ length: 4096 }, (_, i) => (i % 3 === 0 ? -1 : 1))],
    ["a width of a few ulps", Float64Array.from({ length: 4096 }, (_, i) => 1 + (i % 5) * Number.EPSILON)],
    ["an infinity", Float64Array.from({ length: 3000 }, (_, i) => (i === 5 ? Infinity : i))],
    ["fewer values than the bucketed method needs", Float64Array.from({ length: 100 }, () => normal())],
  ];
  for (const [name, values] of cases) {
    it(`gives a sort's values at the ranks: ${name}`, () => {
      const ranks = percentileRanks(values.length);
      const expected = bySort(values, ranks);
      expect(Array.from(orderStatistics(Float64Array.from(values), ranks))).toEqual(expected);
    });
  }

  it("gives a sort's values for any finite values and ranks (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.constantFrom(0, 1, 2.5, -3)), { minLength: 2048, maxLength: 6000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (xs, ps) => {
          const values = Float64Array.from(xs);
          const ranks = ps.map((p) => Math.min(values.length - 1, Math.floor(p * values.length))).sort((a, b) => a - b);
          // -0 and +0 are equal to a selection; compare as numbers (0 === -0).
          const got = Array.from(orderStatistics(Float64Array.from(values), ranks));
          const want = bySort(values, ranks);
          return got.every((x, j) => x === want[j]);
        },
      ),
      { seed: 20261207, numRuns: 60 },
    );
  });

  it("refuses ranks out of order or out of range", () => {
    const values = Float64Array.from({ length: 10 }, (_, i) => i);
    expect(() => orderStatistics(values, [3, 2])).toThrow("orderStatistics requires ascending whole ranks");
    expect(() => orderStatistics(values, [10])).toThrow(RangeError);
  });

  it("leaves exactStats' percentiles a sort's, -0 before +0 included", () => {
    const values = Float64Array.from({ length: 8000 }, (_, i) => (i % 4 === 0 ? -0 : i % 4 === 1 ? 0 : normal()));
    const s = exactStats(values)!;
    const sorted = Float64Array.from(values).sort();
    const r7 = (p: number) => {
      const h = (sorted.length - 1) * p;
      const lo = Math.floor(h);
      return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
    };
    for (const [p, x] of [[0.05, s.p5], [0.1, s.p10], [0.5, s.p50], [0.9, s.p90], [0.95, s.p95]] as const) expect(Object.is(x, r7(p))).toBe(true);
  });
});
