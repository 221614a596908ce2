import { describe, expect, it } from "vitest";
import { normalCdf } from "../src/engine/index.ts";
import { parsePortfolio, runPortfolio, type LoadedPortfolio, type MemberSource } from "../src/model/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";

// Two stylised trusts, one year: overspend share X_i = sdN * N + sdL * L_i, N the shared national
// shock and L_i each trust's own, all standard normal; a trust fails when X_i > c. Then X_1, X_2 are
// bivariate normal with correlation rho = sdN^2 / (sdN^2 + sdL^2), and
// P(both fail) = integral phi(z) (1 - Phi((c - sdN z) / sdL))^2 dz, conditioning on N = z.
const sdN = 0.06;
const sdL = 0.05;
const c = 0.08;
const budget = 10_000_000;

const upper = (x: number) => 1 - normalCdf(x);

/** Composite Simpson's rule over [-10, 10] with 4,000 panels: the integrand is smooth, the error far below 1e-9. */
function bothFailExact(): number {
  const n = 4000;
  const [a, b] = [-10, 10];
  const h = (b - a) / n;
  const f = (z: number) => (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)) * upper((c - sdN * z) / sdL) ** 2;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

function stylised(id: string, evidence?: { year: number; share: number; sd: number }): MemberSource {
  return { kind: "stylised", id, startYear: 2025, years: 1, budget, mean: 0, nationalSd: sdN, localSd: sdL, ...(evidence ? { evidence } : {}) };
}

function pair(sources: MemberSource[], iterations: number, extra: Record<string, unknown> = {}): LoadedPortfolio {
  const portfolio = parsePortfolio({
    id: "two-trusts",
    title: "Two stylised trusts",
    seed: "closed-form",
    iterations,
    ...extra,
    members: sources.map((_, i) => ({ scenario: `stylised-${i}`, option: "trust", reserves: { opening: 0 } })),
    failureRule: { overspendShareAbove: c, yearsRunning: 1 },
    plans: [{ id: "dfe-pays", label: "DfE pays", deficitPaidBy: "dfe", afterwards: { dfeShare: 1, councilShare: 0 }, note: "assumption: test" }],
    reservesBands: [{ label: "under 1 year", below: 1 }, { label: "longer", below: 1000 }],
  });
  return { portfolio, sources, openingReserves: sources.map(() => 0) };
}

describe("a portfolio's shared national shock", () => {
  it("P(both of two stylised trusts fail) matches the bivariate normal integral, and exceeds independence", async () => {
    const iterations = 100_000;
    const report = await runPortfolio(pair([stylised("a"), stylised("b")], iterations));
    const exact = bothFailExact();
    const one = upper(c / Math.hypot(sdN, sdL));
    // Tolerances: four binomial standard errors, sqrt(p (1 - p) / n).
    const se = (p: number) => Math.sqrt((p * (1 - p)) / iterations);
    assertInDelta(report.years[0].failedBy[1], exact, 4 * se(exact), "P(both fail)");
    for (const m of report.members) assertInDelta(m.probabilityFails, one, 4 * se(one), `P(${m.id} fails)`);
    // rho = 0.59: the shared shock more than doubles the chance both fail (independence: one^2).
    expect(exact).toBeGreaterThan(2 * one * one);
    expect(report.years[0].failedBy[1]).toBeGreaterThan(one * one + 8 * se(one * one));
  });

  it("conditioning jointly on one trust's published overspend moves the other's chance of failing as the normal posterior says", async () => {
    // Trust a's share observed at y with error sd e: Cov(X_b, y) = sdN^2, Var(y) = sdN^2 + sdL^2 + e^2,
    // so X_b | y is normal with mean sdN^2 y / Var(y) and variance sdN^2 + sdL^2 - sdN^4 / Var(y).
    const y = 0.15;
    const e = 0.02;
    const iterations = 20_000;
    const report = await runPortfolio(pair([stylised("a", { year: 2025, share: y, sd: e }), stylised("b")], iterations, { pool: 40_000, localDraws: 4 }));
    const vy = sdN ** 2 + sdL ** 2 + e ** 2;
    const mean = (sdN ** 2 * y) / vy;
    const sd = Math.sqrt(sdN ** 2 + sdL ** 2 - sdN ** 4 / vy);
    const exact = upper((c - mean) / sd);
    const ess = report.conditioning!.effectiveSampleSize;
    // Four standard errors at the effective sample size (resampling adds no information).
    const tolerance = 4 * Math.sqrt((exact * (1 - exact)) / ess);
    const b = report.members.find((m) => m.id === "b")!;
    assertInDelta(b.probabilityFails, exact, tolerance, "P(b fails | a's outturn)");
    expect(b.probabilityFails).toBeGreaterThan(upper(c / Math.hypot(sdN, sdL)) + tolerance);
  });

  it("the tempered sampler reaches the same normal posterior from a trust's outturn far in the prior's tail", async () => {
    // As above with y in the tail (a's share above 0.25 has prior probability 0.0007; importance
    // resampling of 40,000 prior futures keeps an effective 20 at 0.30); the tempered sampler moves
    // the national shock there rather than waiting for prior draws to land.
    const y = 0.25;
    const e = 0.01;
    const iterations = 20_000;
    const report = await runPortfolio(
      pair([stylised("a", { year: 2025, share: y, sd: e }), stylised("b")], iterations, { sampler: "tempered", particles: 2000, localDraws: 4, moves: 5 }),
    );
    const vy = sdN ** 2 + sdL ** 2 + e ** 2;
    const mean = (sdN ** 2 * y) / vy;
    const sd = Math.sqrt(sdN ** 2 + sdL ** 2 - sdN ** 4 / vy);
    const exact = upper((c - mean) / sd);
    const conditioning = report.conditioning!;
    expect(conditioning.sampler).toBe("tempered");
    expect(conditioning.stages!.length).toBeGreaterThan(1);
    const ess = Math.min(conditioning.effectiveSampleSize, conditioning.distinct);
    const tolerance = 4 * Math.sqrt((exact * (1 - exact)) / ess);
    const b = report.members.find((m) => m.id === "b")!;
    assertInDelta(b.probabilityFails, exact, tolerance, "P(b fails | a's outturn in the tail)");
    // a's own posterior share is pinned near y: it fails almost surely.
    expect(report.members.find((m) => m.id === "a")!.probabilityFails).toBeGreaterThan(0.99);
  });
});
