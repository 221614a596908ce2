import { describe, expect, it, vi } from "vitest";
import { betaCdf, pertShapes } from "../src/engine/index.ts";
import { simulateRange, compileScenario, parseScenario, runScenario, runScenarioAsync } from "../src/model/index.ts";
import { resultsJson } from "../src/report/index.ts";
import { KS_CRITICAL_1_PERCENT, ksStatistic } from "./helpers/sample-moments.ts";
import { scenarioData } from "./helpers/scenarios.ts";

// Whole simulations over many seeds: seconds, not milliseconds.
vi.setConfig({ testTimeout: 120_000 });

const lhs = (id: string, seed?: string) => {
  const d = scenarioData(id);
  d.simulation = { ...d.simulation, sampling: "latin-hypercube", ...(seed ? { seed } : {}) };
  return parseScenario(d);
};

/** An input's values over iterations [0, n). */
function inputValues(scenario: ReturnType<typeof parseScenario>, key: string, n: number): Float64Array {
  const compiled = compileScenario(scenario);
  const slot = compiled.inputs.uncertainInputs().find((x) => x.key === key)!.slot;
  return compiled.inputs.slotValues(slot, n);
}

describe("Latin hypercube sampling", () => {
  it("puts exactly one draw in each of the 1,024 equal-probability strata of a block (uniform input, exact)", () => {
    const xs = inputValues(lhs("template"), "options.trust.setup.dfeFundedShare", 1024); // uniform(0.5, 0.8)
    const strata = new Set(Array.from(xs, (x) => Math.floor(((x - 0.5) / 0.3) * 1024)));
    expect(strata.size).toBe(1024);
  });

  it("keeps a PERT input's distribution: KS distance from the exact CDF far inside the 1% bound", () => {
    const xs = inputValues(lhs("template"), "baseline.workforce.agencyShare", 4096); // pert(0.13, 0.16, 0.18)
    const { alpha, beta } = pertShapes(0.13, 0.16, 0.18);
    const d = ksStatistic(xs, (x) => betaCdf(alpha, beta, (x - 0.13) / 0.05));
    // Stratified: at most about one stratum (1/1024) off, plus the quantile table's interpolation.
    expect(d).toBeLessThan(2 / 1024);
    expect(d).toBeLessThan(KS_CRITICAL_1_PERCENT / Math.sqrt(4096));
  });

  it("reaches a given precision in fewer iterations than plain Monte Carlo on the template scenario with its yearly growth held constant and no correlations", () => {
    // The variance of the mean of the trust's horizon cost over 30 fixed seeds, 1,024 iterations each.
    // Iterations needed for a given precision scale with it, so a smaller variance means fewer iterations.
    const seeds = 30;
    const n = 1024;
    const variance = (sampling: "monte-carlo" | "latin-hypercube") => {
      const means = Array.from({ length: seeds }, (_, s) => {
        const d = scenarioData("template");
        // Yearly growth held at constants: what remains is drawn once per iteration, which Latin hypercube stratifies.
        d.baseline.generalInflation = 0.02;
        d.baseline.childrenGrowth = 0.01;
        d.baseline.workforce.payInflation = 0.03;
        for (const p of Object.values(d.baseline.placements)) p.unitCostGrowth = 0.05;
        d.correlations = []; // correlated inputs are reordered by Iman-Conover, not stratified
        d.simulation = { iterations: n, seed: `lhs-precision-${s}`, sampling };
        const compiled = compileScenario(parseScenario(d));
        const total = simulateRange(compiled, 0, n).columns[compiled.layout.horizon(0, "totalCost")];
        return total.reduce((a, b) => a + b, 0) / n;
      });
      const m = means.reduce((a, b) => a + b, 0) / seeds;
      return means.reduce((a, b) => a + (b - m) ** 2, 0) / (seeds - 1);
    };
    const ratio = variance("monte-carlo") / variance("latin-hypercube");
    // F(29, 29) at 1% is 2.42 (R: qf(0.99, 29, 29)): the reduction is not chance.
    expect(ratio, `Monte Carlo needs ${ratio.toFixed(2)} times as many iterations`).toBeGreaterThan(2.42);
  });

  it("gives the same JSON for 1 and 2 workers and says how it sampled", async () => {
    const scenario = lhs("bradford");
    const single = runScenario(scenario, { iterations: 3333 });
    expect(single.simulation.sampling).toBe("latin-hypercube");
    expect(resultsJson(await runScenarioAsync(scenario, { iterations: 3333, workers: 2 }))).toBe(resultsJson(single));
  });
});
