import { describe, expect, it } from "vitest";
import { centralInterval } from "../src/engine/index.ts";

describe("centralInterval(sample, level)", () => {
  it("uses R-7 quantiles (checked in R: quantile(c(1, 2, 4, 8, 16), c(.1, .9)) = 1.4 12.8)", () => {
    const xs = [16, 1, 8, 2, 4];
    const [lo, hi] = centralInterval(xs, 0.8);
    expect(lo).toBeCloseTo(1.4, 14);
    expect(hi).toBeCloseTo(12.8, 14);
    expect(xs).toEqual([16, 1, 8, 2, 4]);
  });

  it("gives the median twice at level 0 and the range at level 1; 1..101 at 0.9 is P5 to P95 = 6 to 96", () => {
    expect(centralInterval([3, 1, 2], 0)).toEqual([2, 2]);
    expect(centralInterval([3, 1, 2], 1)).toEqual([1, 3]);
    const [lo, hi] = centralInterval(Float64Array.from({ length: 101 }, (_, i) => i + 1), 0.9);
    expect(lo).toBeCloseTo(6, 12);
    expect(hi).toBeCloseTo(96, 12);
  });

  it("requires at least one value, no NaN and 0 <= level <= 1", () => {
    expect(() => centralInterval([], 0.8)).toThrow(new RangeError("centralInterval requires at least one value"));
    expect(() => centralInterval([1, Number.NaN], 0.8)).toThrow(new RangeError("centralInterval requires numbers, got NaN"));
    expect(() => centralInterval([1], 1.5)).toThrow(new RangeError("centralInterval requires 0 <= level <= 1"));
    expect(() => centralInterval([1], Number.NaN)).toThrow(new RangeError("centralInterval requires 0 <= level <= 1"));
  });
});
