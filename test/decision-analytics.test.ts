import { describe, expect, it, vi } from "vitest";
import { averageRanks, spearman } from "../src/engine/index.ts";
import { parseScenario, sensitivity, switchingValue, toPence, type ScenarioInput } from "../src/model/index.ts";
import { assertInDelta } from "./helpers/assert-in-delta.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** One year, no inflation: in-house cost = placements + other spend, other spend uncertain. */
function oneYear(): ScenarioInput {
  return {
    id: "one-year",
    title: "One year",
    area: "Test",
    startYear: 2025,
    years: 1,
    simulation: { iterations: 5000, seed: "one-year" },
    baseline: {
      placements: { residential: { children: 10, weeklyUnitCost: 5000 } },
      workforce: { fte: 0, permanentCostPerFte: 0, agencyShare: 0, agencyPremium: 0 },
      otherSpend: { dist: "uniform", min: 9_000_000, max: 11_000_000, note: "assumption: test input with a known linear effect" },
      budget: { amount: 12_000_000 },
    },
    options: [
      { id: "in-house", label: "In-house", kind: "in-house" },
      {
        id: "trust",
        label: "Trust",
        kind: "trust",
        overheads: { governance: { dist: "uniform", min: 0, max: 1_000_000, note: "assumption: test input with no effect on in-house" } },
        effects: { placementCostFactor: 0.9 },
      },
    ],
  };
}

describe("averageRanks and spearman", () => {
  it("rank ties by their average (R: rank(c(10, 20, 10, 30)) = 1.5 3 1.5 4)", () => {
    expect(Array.from(averageRanks([10, 20, 10, 30]))).toEqual([1.5, 3, 1.5, 4]);
  });
  it("are 1 for any increasing relation and -1 for a decreasing one", () => {
    const x = [1, 2, 3, 4, 5];
    expect(spearman(x, x.map((v) => v ** 3))).toBe(1);
    expect(spearman(x, x.map((v) => -Math.exp(v)))).toBe(-1);
  });
});

describe("sensitivity(scenario, {a})", () => {
  const r = sensitivity(parseScenario(oneYear()), { a: "in-house" });
  const other = r.inputs.find((i) => i.key === "baseline.otherSpend")!;
  const governance = r.inputs.find((i) => i.key === "options.trust.overheads.governance")!;

  it("ranks the input with a linear effect first, with rank correlation 1 and all the variance", () => {
    expect(r.inputs[0].key).toBe("baseline.otherSpend");
    expect(other.spearman).toBe(1);
    expect(other.contributionToVariance).toBeGreaterThan(0.99);
  });

  it("gives a swing equal to the input's own P10-P90 span (slope 1, hand calculation) and about 1.6m (uniform 9m-11m)", () => {
    expect(other.swing).toBe(toPence(other.p90 - other.p10));
    // Uniform(9m, 11m): P10 = 9.2m, P90 = 10.8m; the sample quantiles' standard error is about 8.5k each.
    assertInDelta(other.swing, 1_600_000, 4 * 8_500 * Math.SQRT2, "swing");
    // All inputs at their medians: placements 2,607,142.86 + other spend's median (about 10m).
    assertInDelta(r.outputAtMedians, 2_607_142.86 + 10_000_000, 4 * 8_500 * 2, "output at medians");
  });

  it("finds no effect of the input that cannot matter: swing 0 and a rank correlation within 4 standard errors of 0", () => {
    expect(governance.swing).toBe(0);
    expect(Math.abs(governance.spearman)).toBeLessThan(4 / Math.sqrt(r.iterations - 1));
  });

  it("refuses an unknown option, naming it", () => {
    expect(() => sensitivity(parseScenario(oneYear()), { a: "in-house", b: "partner" })).toThrow(/b: expected one of the options in-house, trust, got 'partner'/);
  });
});

describe("switchingValue(scenario, {input, a, b})", () => {
  it("finds the governance cost at which the trust breaks even, to the penny of the closed form", () => {
    const data = oneYear();
    data.baseline.otherSpend = 10_000_000;
    data.options[1].overheads = { governance: 100_000 };
    // Trust minus in-house = governance - 10% of placements, so the switch is at
    // 0.1 x 10 children x GBP 5,000 a week x 365/7 = 260,714.2857...
    const s = switchingValue(parseScenario(data), { input: "options.trust.overheads.governance", a: "trust", b: "in-house", low: 0, high: 1_000_000 });
    expect(toPence(s.value)).toBe(260_714.29);
    expect(s.se).toBe(0);
    expect(s.meanDifference).toBe(0);
    // Central difference over h = 0.26 on totals near 1.3e7: float rounding alone is about 2e-9.
    expect(s.slope).toBeCloseTo(1, 6);
  });

  it("reports the uncertainty of a switching value found on uncertain futures", () => {
    const s = switchingValue(parseScenario(oneYear()), { input: "options.trust.overheads.governance", a: "trust", b: "in-house", iterations: 2000 });
    expect(toPence(s.value)).toBe(260_714.29); // other spend moves both options alike: the switch does not move
    expect(s.se).toBeLessThan(1);
  });

  it("says when there is no switch in the range, and refuses an unknown input", () => {
    const scenario = parseScenario(oneYear());
    expect(() => switchingValue(scenario, { input: "options.trust.overheads.governance", a: "trust", b: "in-house", low: 300_000, high: 900_000 })).toThrow(/no switch between 300000 and 900000/);
    expect(() => switchingValue(scenario, { input: "options.trust.colour", a: "trust", b: "in-house" })).toThrow(/expected an input of this scenario/);
  });
});

describe("runToPrecision(scenario, tolerance)", () => {
  it("doubles iterations until the mean and P90 are known to the tolerance, and the last run reproduces on its own", async () => {
    const { runScenario, runToPrecision } = await import("../src/model/index.ts");
    const { scenarioData } = await import("./helpers/scenarios.ts");
    const scenario = parseScenario(scenarioData("bradford"));
    const { results, precision } = await runToPrecision(scenario, 0.02, { start: 500, workers: 1 });
    expect(precision.met).toBe(true);
    expect(precision.steps.map((s) => s.iterations)).toEqual(precision.steps.map((_, i) => 500 * 2 ** i));
    expect(precision.meanRelativeHalfWidth).toBeLessThanOrEqual(0.02);
    expect(precision.p90RelativeHalfWidth).toBeLessThanOrEqual(0.02);
    expect(precision.steps.slice(0, -1).some((s) => s.meanRelativeHalfWidth > 0.02 || s.p90RelativeHalfWidth > 0.02)).toBe(true);
    expect(results).toEqual(runScenario(scenario, { iterations: precision.iterations }));
  });
});
