import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import {
  bernoulli, beta, constant, discrete, gamma, lognormal, lognormalParametersFromMoments, normal, pert, pertShapes, triangular, uniform,
} from "../src/engine/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";
import { betaCdf, gammaCdf, standardNormalCdf, standardNormalPdf } from "./helpers/exact-cdfs.ts";
import { KS_CRITICAL_1_PERCENT, draw, ksStatistic, sampleMoments } from "./helpers/sample-moments.ts";

const N = 10_000;

interface Case {
  name: string;
  make: (source: () => number) => () => number;
  mean: number;
  variance: number;
  cdf: (x: number) => number;
  min?: number;
  max?: number;
}

function betaCase(name: string, a: number, b: number, lo: number, hi: number, make: Case["make"]): Case {
  const w = hi - lo;
  return {
    name, make, min: lo, max: hi,
    mean: lo + (w * a) / (a + b),
    variance: (w * w * a * b) / ((a + b) ** 2 * (a + b + 1)),
    cdf: (x) => betaCdf(a, b, (x - lo) / w),
  };
}

function triangularCase(a: number, c: number, b: number): Case {
  return {
    name: `triangular(${a}, ${c}, ${b})`, min: a, max: b,
    make: (s) => triangular(s, a, c, b),
    mean: (a + b + c) / 3,
    variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
    cdf: (x) => (x <= a ? 0 : x >= b ? 1 : x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c))),
  };
}

function truncatedNormalCase(mu: number, sigma: number, lo: number, hi: number): Case {
  const al = (lo - mu) / sigma;
  const be = (hi - mu) / sigma;
  const z = standardNormalCdf(be) - standardNormalCdf(al);
  const k = (standardNormalPdf(al) - standardNormalPdf(be)) / z;
  // Johnson, Kotz and Balakrishnan (1994), 10.1: moments of the doubly truncated normal.
  const variance = sigma * sigma * (1 + (al * standardNormalPdf(al) - be * standardNormalPdf(be)) / z - k * k);
  return {
    name: `normal(${mu}, ${sigma}) on [${lo}, ${hi}]`, min: lo, max: hi,
    make: (s) => normal(s, mu, sigma, lo, hi),
    mean: mu + sigma * k,
    variance,
    cdf: (x) => (x <= lo ? 0 : x >= hi ? 1 : (standardNormalCdf((x - mu) / sigma) - standardNormalCdf(al)) / z),
  };
}

function lognormalCase(mean: number, sd: number): Case {
  const { meanLog, sdLog } = lognormalParametersFromMoments(mean, sd);
  return {
    name: `lognormal(mean ${mean}, sd ${sd})`, min: 0,
    make: (s) => lognormal(s, meanLog, sdLog),
    mean, variance: sd * sd,
    cdf: (x) => (x <= 0 ? 0 : standardNormalCdf((Math.log(x) - meanLog) / sdLog)),
  };
}

const pertCase = (a: number, m: number, b: number) => {
  const { alpha, beta: bb } = pertShapes(a, m, b);
  return betaCase(`pert(${a}, ${m}, ${b})`, alpha, bb, a, b, (s) => pert(s, a, m, b));
};

const CASES: Case[] = [
  { name: "uniform(0, 1)", make: (s) => uniform(s, 0, 1), mean: 0.5, variance: 1 / 12, cdf: (x) => Math.min(1, Math.max(0, x)), min: 0, max: 1 },
  { name: "uniform(-3, 5)", make: (s) => uniform(s, -3, 5), mean: 1, variance: 64 / 12, cdf: (x) => Math.min(1, Math.max(0, (x + 3) / 8)), min: -3, max: 5 },
  triangularCase(0, 0.3, 1),
  triangularCase(4600, 6100, 10000),
  pertCase(4600, 6100, 10000),
  pertCase(0, 0.9, 1),
  { name: "normal(0, 1)", make: (s) => normal(s, 0, 1), mean: 0, variance: 1, cdf: standardNormalCdf },
  { name: "normal(0.02, 0.01)", make: (s) => normal(s, 0.02, 0.01), mean: 0.02, variance: 1e-4, cdf: (x) => standardNormalCdf((x - 0.02) / 0.01) },
  truncatedNormalCase(0.02, 0.01, 0, 0.03),
  truncatedNormalCase(5, 2, 4, 100),
  lognormalCase(1, 0.5),
  lognormalCase(6100, 1500),
  betaCase("beta(2, 5)", 2, 5, 0, 1, (s) => beta(s, 2, 5)),
  betaCase("beta(0.5, 0.7) on [10, 20]", 0.5, 0.7, 10, 20, (s) => beta(s, 0.5, 0.7, 10, 20)),
  betaCase("beta(3, 0.4) (algorithm BC, larger shape first)", 3, 0.4, 0, 1, (s) => beta(s, 3, 0.4)),
  betaCase("beta(7.5, 2.2) (algorithm BB, larger shape first)", 7.5, 2.2, 0, 1, (s) => beta(s, 7.5, 2.2)),
  pertCase(100, 100, 200),
  { name: "gamma(2.5)", make: (s) => gamma(s, 2.5), mean: 2.5, variance: 2.5, cdf: (x) => gammaCdf(2.5, x), min: 0 },
  { name: "gamma(0.6)", make: (s) => gamma(s, 0.6), mean: 0.6, variance: 0.6, cdf: (x) => gammaCdf(0.6, x), min: 0 },
];

describe.each(CASES)("$name", (c) => {
  const xs = draw(c.make(seedrandom.alea(`distributions:${c.name}`)), N);
  const m = sampleMoments(xs);

  it("has its exact mean within 4 standard errors", () => {
    assertInDelta(m.mean, c.mean, 4 * m.seMean, "mean");
  });

  it("has its exact variance within 4 standard errors", () => {
    assertInDelta(m.variance, c.variance, 4 * m.seVariance, "variance");
  });

  it("passes a Kolmogorov-Smirnov test against the exact CDF at 1%", () => {
    const d = ksStatistic(xs, c.cdf);
    expect(d, `D = ${d}`).toBeLessThan(KS_CRITICAL_1_PERCENT / Math.sqrt(N));
  });

  it("never leaves its support", () => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of xs) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    if (c.min !== undefined) expect(lo).toBeGreaterThanOrEqual(c.min);
    if (c.max !== undefined) expect(hi).toBeLessThanOrEqual(c.max);
    expect(Number.isFinite(lo) && Number.isFinite(hi)).toBe(true);
  });
});

describe("discrete distributions", () => {
  it.each([0.03, 0.5])("bernoulli(source, %s) hits with probability p within 4 standard errors", (p) => {
    const xs = draw(bernoulli(seedrandom.alea(`bernoulli:${p}`), p), N);
    const hits = xs.reduce((a, x) => a + x, 0) / N;
    assertInDelta(hits, p, 4 * Math.sqrt((p * (1 - p)) / N), "share of ones");
    expect(xs.every((x) => x === 0 || x === 1)).toBe(true);
  });

  it.each([
    [[1, 2, 3], [1, 1, 2]],
    [[-5, 0, 10, 20], [0.1, 0, 0.6, 0.3]],
  ])("discrete(source, %j, %j) gives each value its weight's share within 4 standard errors", (values, weights) => {
    const xs = draw(discrete(seedrandom.alea(`discrete:${values}`), values, weights), N);
    const total = weights.reduce((a, b) => a + b, 0);
    values.forEach((v, i) => {
      const p = weights[i] / total;
      const share = xs.filter((x) => x === v).length / N;
      assertInDelta(share, p, Math.max(4 * Math.sqrt((p * (1 - p)) / N), 1e-12), `share of ${v}`);
    });
  });
});

describe("factories validate once", () => {
  const s = seedrandom.alea("x");
  it.each([
    ["pert with min > max", () => pert(s, 3, 2, 1), "pert requires min <= mode <= max"],
    ["triangular with mode outside", () => triangular(s, 0, 2, 1), "triangular requires min <= mode <= max"],
    ["uniform with min > max", () => uniform(s, 2, 1), "uniform requires finite min <= max"],
    ["normal with negative sd", () => normal(s, 0, -1), "normal requires a finite mean and sd >= 0"],
    ["bernoulli with p > 1", () => bernoulli(s, 1.5), "bernoulli requires 0 <= p <= 1"],
    ["beta with alpha 0", () => beta(s, 0, 1), "beta requires alpha > 0 and beta > 0"],
    ["constant NaN", () => constant(Number.NaN), "constant requires a finite value"],
    ["discrete with mismatched weights", () => discrete(s, [1, 2], [1]), "discrete requires as many weights as values, at least one"],
  ])("%s throws a RangeError", (_, make, message) => {
    expect(make).toThrow(new RangeError(message));
  });
});

describe("no silent changes (noreg)", () => {
  // First draws recorded when the samplers were written; a change here changes every result.
  it("keeps the first draws of each sampler", () => {
    const first = (make: (s: () => number) => () => number) => Array.from(draw(make(seedrandom.alea("noreg")), 3), (x) => Number(x.toPrecision(12)));
    expect({
      uniform: first((s) => uniform(s, 0, 1)),
      triangular: first((s) => triangular(s, 0, 0.3, 1)),
      pert: first((s) => pert(s, 0, 0.3, 1)),
      normal: first((s) => normal(s, 0, 1)),
      lognormal: first((s) => lognormal(s, 0, 1)),
      beta: first((s) => beta(s, 2, 3)),
    }).toMatchSnapshot();
  });
});

describe("pert's quantile table (inverse transform)", () => {
  // Reference: the regularised incomplete beta (continued fraction, Numerical Recipes 6.4), betaCdf.
  // Tolerance: 2e-6 in probability, so every reported percentile (P5-P95, to four figures at most)
  // and mean is unchanged by it; x within 5e-4 of the range only in the outermost 1/4096 a side.
  it.each([
    [4600, 6100, 10000],
    [-0.02, 0.01, 0.03],
    [0, 190, 300],
    [100, 100, 200],
    [0.6, 0.85, 1],
  ])("pert(source, %d, %d, %d) draws x with F(x) within 2e-6 of its uniform", (min, mode, max) => {
    const { alpha, beta: b } = pertShapes(min, mode, max);
    let u = 0;
    const sample = pert(() => u, min, mode, max);
    const next = seedrandom.alea("pert-table");
    let worst = 0;
    for (let k = 0; k < 4000; k++) {
      u = k < 200 ? next() * 1e-3 : k < 400 ? 1 - next() * 1e-3 : next();
      worst = Math.max(worst, Math.abs(betaCdf(alpha, b, (sample() - min) / (max - min)) - u));
    }
    expect(worst).toBeLessThan(2e-6);
  });
});
