import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { normal, quantileIntervalRanks, summarize } from "../src/engine/index.ts";
import { draw } from "./helpers/sample-moments.ts";

// Standard normal quantiles (R: qnorm(c(0.1, 0.5, 0.9))).
const TRUE = { p10: -1.2815515655446004, p50: 0, p90: 1.2815515655446004 };

describe("quantileIntervalRanks(n, p)", () => {
  it("brackets rank n p by 1.96 binomial standard deviations (hand: n = 1000, p = 0.9, 900 -/+ 18.59, 0-based ranks 880 and 919)", () => {
    expect(quantileIntervalRanks(1000, 0.9)).toEqual([880, 919]);
    expect(quantileIntervalRanks(1, 0.5)).toEqual([0, 0]);
  });
});

describe("95% intervals for percentiles", () => {
  const seeds = 400;
  const n = 500;
  const covered = { p10: 0, p50: 0, p90: 0 };
  for (let s = 0; s < seeds; s++) {
    const ci = summarize(draw(normal(seedrandom.alea(`coverage-${s}`), 0, 1), n)).ci95;
    for (const p of ["p10", "p50", "p90"] as const) if (ci[p][0] <= TRUE[p] && TRUE[p] <= ci[p][1]) covered[p]++;
  }

  it.each(["p10", "p50", "p90"] as const)("cover the true %s of a normal close to 95% of the time over 400 fixed seeds", (p) => {
    const rate = covered[p] / seeds;
    // Within 3 binomial standard errors of 95% (the floor/ceil rounding makes it slightly conservative).
    expect(Math.abs(rate - 0.95), `coverage ${rate}`).toBeLessThanOrEqual(3 * Math.sqrt((0.95 * 0.05) / seeds));
  });
});
