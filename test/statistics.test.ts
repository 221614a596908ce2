import { describe, expect, it } from "vitest";
import { Welford, binomialProbability, exactStats, quantileSorted, summarize } from "../src/engine/index.ts";

describe("quantileSorted(sorted, p)", () => {
  it("uses the R-7 method (checked in R: quantile(c(1, 2, 4, 8, 16), c(.1, .5, .9)) = 1.4 4 12.8)", () => {
    const xs = [1, 2, 4, 8, 16];
    expect([0.1, 0.5, 0.9].map((p) => quantileSorted(xs, p))).toEqual([1.4, 4, 12.8]);
  });
  it("requires at least one value", () => {
    expect(() => quantileSorted([], 0.5)).toThrow(new RangeError("quantileSorted requires at least one value"));
  });
});

describe("Welford", () => {
  it("matches the two-pass mean and sample variance on large, close values (1e9 + small)", () => {
    const w = new Welford();
    const xs = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    xs.forEach((x) => w.push(x));
    expect(w.mean).toBe(1e9 + 10);
    expect(w.variance).toBe(30); // (36 + 9 + 9 + 36) / 3
    expect(w.standardError).toBeCloseTo(Math.sqrt(30 / 4), 12);
  });
  it("refuses NaN", () => {
    expect(() => new Welford().push(Number.NaN)).toThrow(RangeError);
  });
});

describe("summarize(values)", () => {
  it("gives the exact percentiles of 1..101 and its mean and sd", () => {
    const s = summarize(Float64Array.from({ length: 101 }, (_, i) => 101 - i));
    expect([s.p5, s.p10, s.p50, s.p90, s.p95, s.mean]).toEqual([6, 11, 51, 91, 96, 51]);
    expect(s.sd).toBeCloseTo(Math.sqrt((101 * 102) / 12), 10); // variance of 1..n with n - 1 denominator: n(n + 1)/12
  });
});

describe("binomialProbability(count, n)", () => {
  it("gives the Wilson interval (Newcombe 1998, table I: 81/263 -> 0.2553 to 0.3662)", () => {
    const { p, ci95 } = binomialProbability(81, 263);
    expect(p).toBeCloseTo(0.30798, 5);
    expect(ci95[0]).toBeCloseTo(0.2553, 4);
    expect(ci95[1]).toBeCloseTo(0.3662, 4);
  });
});

describe("exactStats(values)", () => {
  it("gives the mean, sd and se of Welford's push over the non-NaN values in order, bit for bit", () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i % 97 === 0 ? Number.NaN : 3.2e8 * next() - 1e7));
    const w = new Welford();
    for (const x of values) if (!Number.isNaN(x)) w.push(x);
    const s = exactStats(values)!;
    expect(s.n).toBe(w.count);
    expect(s.mean).toBe(w.mean);
    expect(s.sd).toBe(w.standardDeviation);
    expect(s.se).toBe(w.standardError);
  });
});
