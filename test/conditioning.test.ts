import { describe, expect, it, vi } from "vitest";
import { KeyedStream } from "../src/engine/index.ts";
import { compileScenario, conditionOnEvidence, evidenceItems, parseScenario, runForecast, simulateRange, systematicResample, type EvidenceRecord, type ScenarioInput } from "../src/model/index.ts";
import { resultsJson } from "../src/report/index.ts";
import { evidenceLogLikelihood } from "../src/model/forecast/condition-on-evidence.ts";
import { nationalObservationsFor } from "../src/model/forecast/national-evidence.ts";
import { LANES, loadEvidence } from "../src/model/index.ts";
import { REPOSITORY } from "../src/model/locations.ts";
import { join } from "node:path";
import { scenarioData } from "./helpers/scenarios.ts";

vi.setConfig({ testTimeout: 120_000 });

/** One placement type, everything constant but other spend ~ normal(mean, sd): overspend = other spend - 1m exactly. */
function conjugate(mean: number, sd: number): ScenarioInput {
  return {
    id: "conjugate",
    title: "Normal prior, normal evidence",
    area: "Test",
    startYear: 2025,
    years: 3,
    simulation: { iterations: 20_000, seed: "conjugate" },
    baseline: {
      placements: { residential: { children: 0, weeklyUnitCost: 5000 } },
      workforce: { fte: 0, permanentCostPerFte: 50_000, agencyShare: 0, agencyPremium: 0 },
      otherSpend: { dist: "normal", mean, sd, note: "test prior" },
      budget: { amount: 1_000_000 },
    },
    options: [{ id: "trust", label: "Trust", kind: "trust" }],
    evidence: [{ record: "test-overspend", option: "trust", year: 2025, output: "overspend", sdShareOfBudget: 0.1 }],
  } as ScenarioInput;
}

const record = (value: number): EvidenceRecord => ({
  id: "test-overspend", case: "test", metric: "overspend", period: "2025-26", value, unit: "GBP", priceBase: "nominal 2025-26",
  source: { title: "test", publisher: "test", date: "2025" }, weight: "OFF", basis: "outturn",
});

describe("conditioning on evidence", () => {
  it("gives the posterior of a normal prior and a normal error (closed form), within 4 standard errors", () => {
    // Prior overspend ~ N(200k, 100k); published 400k with error sd 10% of the 1m budget = 100k.
    // Posterior: mean (200k + 400k) / 2 = 300k, sd 100k / sqrt(2) = 70.7k (conjugate normal).
    const scenario = parseScenario(conjugate(1_200_000, 100_000));
    const compiled = compileScenario(scenario);
    const records = new Map([["test-overspend", record(400_000)]]);
    const c = conditionOnEvidence(compiled, evidenceItems(compiled, records), 20_000, "conjugate");
    const sim = simulateRange(compiled, 0, 20_000, c.lanes);
    const x = sim.columns[compiled.layout.yearly(0, 0, "overspend")];
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / (x.length - 1));
    const posteriorSd = 100_000 / Math.SQRT2;
    // Resampled draws repeat: the standard error uses the effective sample size, not the count.
    const se = posteriorSd / Math.sqrt(c.effectiveSampleSize);
    expect(Math.abs(mean - 300_000)).toBeLessThan(4 * se);
    expect(Math.abs(sd - posteriorSd)).toBeLessThan(4 * posteriorSd / Math.sqrt(2 * c.effectiveSampleSize));
    // Weights exp(-(z - d)^2 / 2) on a N(0, 1) prior, d = 2 prior sds: ESS / n = E[w]^2 / E[w^2] = (sqrt(3) / 2) exp(-d^2 / 6) = 0.444.
    expect(c.effectiveSampleSize / c.pool).toBeCloseTo((Math.sqrt(3) / 2) * Math.exp(-4 / 6), 1);
  });

  it("refuses, naming the figure, when no simulated future can reproduce the evidence", () => {
    const scenario = parseScenario(conjugate(1_200_000, 1_000));
    const compiled = compileScenario(scenario);
    const records = new Map([["test-overspend", record(5_000_000)]]);
    expect(() => conditionOnEvidence(compiled, evidenceItems(compiled, records), 2000, "x")).toThrow(/no simulated future comes within 4 standard errors of test-overspend \(overspend, 2025-26\): published 5000000/);
  });

  it("resamples systematically: every index in proportion to its weight, in ascending order", () => {
    const stream = new KeyedStream("s", "k");
    expect(Array.from(systematicResample(Float64Array.from([0, 1, 0]), 1, 5, stream))).toEqual([1, 1, 1, 1, 1]);
    expect(Array.from(systematicResample(Float64Array.from([1, 1, 1, 1]), 4, 4, stream))).toEqual([0, 1, 2, 3]);
    const picks = systematicResample(Float64Array.from([3, 1]), 4, 8, stream);
    expect(picks.filter((i) => i === 0).length).toBe(6);
  });

  it("gives byte-identical conditioned results for 1 and 2 workers", async () => {
    const scenario = parseScenario({ ...conjugate(1_200_000, 100_000), simulation: { iterations: 45_000, seed: "w" } } as ScenarioInput);
    const records = new Map([["test-overspend", record(400_000)]]);
    const one = await runForecast(scenario, records, { workers: 1 });
    const two = await runForecast(scenario, records, { workers: 2 });
    expect(resultsJson(two)).toBe(resultsJson(one));
    expect(one.conditioning!.mode).toBe("conditioned");
    const e = one.conditioning!.evidence[0];
    expect(e.conditioned.p90 - e.conditioned.p10).toBeLessThan(e.prior.p90 - e.prior.p10);
  });

  it("reads the same figures as a full run: the scenario's own through its last evidence year, the national shocks through theirs", async () => {
    // Bradford's own evidence is 2023-24 (year 0), its national figures run to 2024-25 (year 1):
    // conditioning simulates year 0 and draws the shocks through year 1. Positions 1,500 to 2,600
    // start inside a block and cross one.
    const scenario = parseScenario(scenarioData("bradford"));
    const compiled = compileScenario(scenario);
    const used = evidenceItems(compiled, await loadEvidence(join(REPOSITORY, "seeds")));
    const national = nationalObservationsFor(scenario.startYear, scenario.years);
    expect(Math.max(...used.map((u) => u.item.yearIndex))).toBeLessThan(Math.max(...national.map((o) => o.t)));
    const [from, to] = [1500, 2600];
    const fit = evidenceLogLikelihood(compiled, used, from, to, national);
    const full = simulateRange(compiled, from, to).columns;
    const same = (a: Float64Array, b: ArrayLike<number>) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
    used.forEach(({ item }, k) => expect(same(fit.simulated[k], full[compiled.layout.yearly(item.optionIndex, item.yearIndex, item.output)])).toBe(true));
    // The shocks of a full draw, lane by lane, as the national figures read them.
    const lanes = Int32Array.from({ length: LANES }, (_, i) => from + i);
    const expected = national.map(() => new Float64Array(to - from));
    for (let start = 0; start < to - from; start += LANES) {
      const count = Math.min(LANES, to - from - start);
      compiled.inputs.drawLanes(lanes.map((_, i) => from + start + i), count);
      const shocks = compiled.inputs.nationalColumns!;
      national.forEach((o, j) => {
        for (let i = 0; i < count; i++) expected[j][start + i] = o.mean + o.sd * shocks[(o.f * compiled.years + o.t) * LANES + i];
      });
    }
    national.forEach((_, j) => expect(same(fit.national[j], expected[j])).toBe(true));
  });
});

