import { describe, expect, it, vi } from "vitest";
import { compileScenario, parseScenario, runScenario, simulateRange } from "../src/model/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** The illustrative scenario with two options that differ only by a fixed GBP 1m a year. */
function twinOptions() {
  const data = scenarioData("template");
  data.baseline.generalInflation = 0; // so the fixed cost stays GBP 1m in every year
  data.options = [
    { id: "plain", label: "Plain", kind: "in-house" },
    { id: "dearer", label: "Plain plus GBP 1m a year", kind: "in-house", overheads: { governance: 1_000_000 } },
  ];
  return parseScenario(data);
}

describe("common random numbers", () => {
  it("gives a paired difference equal to the fixed extra cost in every iteration", () => {
    const compiled = compileScenario(twinOptions());
    const sim = simulateRange(compiled, 0, 2000);
    const { layout } = compiled;
    for (let t = 0; t < layout.years; t++) {
      const a = sim.columns[layout.yearly(0, t, "totalCost")];
      const b = sim.columns[layout.yearly(1, t, "totalCost")];
      for (let i = 0; i < a.length; i++) expect(Math.abs(b[i] - a[i] - 1_000_000)).toBeLessThan(1e-6);
    }
    // The baseline itself is uncertain: the totals do vary across iterations.
    const a0 = sim.columns[layout.yearly(0, 0, "totalCost")];
    expect(new Set(a0).size).toBeGreaterThan(1000);
  });

  it("reports the difference with zero spread and the cheaper option certain", () => {
    const r = runScenario(twinOptions(), { iterations: 2000 });
    const d = r.comparisons[0].totalCostDifference;
    expect(d).toMatchObject({ mean: -10_000_000, sd: 0, p10: -10_000_000, p50: -10_000_000, p90: -10_000_000 });
    expect(r.comparisons[0].probabilityACheaper).toMatchObject({ p: 1, se: 0 });
    expect(r.comparisons[0].probabilityACheaper.ci95[0]).toBeCloseTo(0.99808, 4); // Wilson, n = 2000, all successes
  });
});
