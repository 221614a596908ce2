import { describe, expect, it, vi } from "vitest";
import {
  Aggregator, BLOCK_SIZE, EXACT_VALUE_LIMIT, closeSimulationPools, compileScenario, parseScenario, planAggregation, runChunk, runScenario, runScenarioAsync, simulateRange,
} from "../src/model/index.ts";
import { exactStats } from "../src/engine/index.ts";
import { resultsJson } from "../src/report/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

// Whole simulations and worker threads: seconds, not milliseconds, on a 2-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe("parallel runs", () => {
  const slough = parseScenario(scenarioData("slough"));
  const bradford = parseScenario(scenarioData("bradford"));

  it("give byte-identical JSON for 1, 2 and 3 workers (exact percentiles, 5,001 iterations)", async () => {
    const single = resultsJson(runScenario(slough, { iterations: 5001 }));
    for (const workers of [1, 2, 3]) {
      expect(resultsJson(await runScenarioAsync(slough, { iterations: 5001, workers }))).toBe(single);
    }
  });

  it("give byte-identical JSON for 1, 2 and 3 workers (histogram percentiles, 21,111 iterations)", async () => {
    const single = runScenario(bradford, { iterations: 21_111 });
    expect(single.simulation.percentiles.method).toBe("histogram");
    const json = resultsJson(single);
    for (const workers of [2, 3]) {
      expect(resultsJson(await runScenarioAsync(bradford, { iterations: 21_111, workers }))).toBe(json);
    }
  });

  it("reuse a finished binned run's bins in this thread: the same JSON before and after another run of the same shape", () => {
    const first = resultsJson(runScenario(bradford, { iterations: 21_111, seed: "spare-a" }));
    const other = resultsJson(runScenario(bradford, { iterations: 21_111, seed: "spare-b" }));
    expect(other).not.toBe(first);
    expect(resultsJson(runScenario(bradford, { iterations: 21_111, seed: "spare-a" }))).toBe(first);
  });

  it("keep their pool between runs: another scenario, then the first again, through the same threads give the single-thread JSON", async () => {
    await closeSimulationPools();
    const sloughSingle = resultsJson(runScenario(slough, { iterations: 12_345, seed: "kept" }));
    const bradfordSingle = resultsJson(runScenario(bradford, { iterations: 12_345, seed: "kept" }));
    expect(resultsJson(await runScenarioAsync(bradford, { iterations: 12_345, seed: "kept", workers: 2 }))).toBe(bradfordSingle);
    expect(resultsJson(await runScenarioAsync(slough, { iterations: 12_345, seed: "kept", workers: 2 }))).toBe(sloughSingle);
    expect(resultsJson(await runScenarioAsync(bradford, { iterations: 12_345, seed: "kept", workers: 2 }))).toBe(bradfordSingle);
    await closeSimulationPools();
    expect(resultsJson(await runScenarioAsync(slough, { iterations: 12_345, seed: "kept", workers: 2 }))).toBe(sloughSingle);
  });

  it("send merged bins back to the pool cleared: binned runs of two seeds through the same threads give the single-thread JSON", async () => {
    await closeSimulationPools();
    const a = runScenario(bradford, { iterations: 21_111, seed: "bins-a" });
    expect(a.simulation.percentiles.method).toBe("histogram");
    const b = resultsJson(runScenario(bradford, { iterations: 21_111, seed: "bins-b" }));
    for (const [seed, json] of [["bins-a", resultsJson(a)], ["bins-b", b], ["bins-a", resultsJson(a)]]) {
      expect(resultsJson(await runScenarioAsync(bradford, { iterations: 21_111, seed, workers: 2 }))).toBe(json);
    }
    await closeSimulationPools();
  });
});

describe("histogram aggregation", () => {
  const compiled = compileScenario(parseScenario(scenarioData("bradford")));
  const size = compiled.layout.size;
  // Past twice the limit whatever is stored (planAggregation counts stored columns, at most twice over).
  const iterations = Math.ceil((2 * EXACT_VALUE_LIMIT) / size) + 1000;
  const all = simulateRange(compiled, 0, iterations);
  const plan = planAggregation(size, iterations, simulateRange(compiled, 0, BLOCK_SIZE));
  const aggregator = new Aggregator(size, iterations, plan);
  aggregator.add(runChunk({ key: "histogram-test", scenario: compiled.scenario, seed: compiled.scenario.simulation.seed, from: 0, to: iterations, plan }));
  const binned = aggregator.stats();

  it("is chosen only above the exact-value limit", () => {
    expect(plan.exact).toBe(false);
    expect(planAggregation(size, Math.floor(EXACT_VALUE_LIMIT / size), all).exact).toBe(true);
  });

  it("gives every percentile within one bin width of the exact one, and the same mean, sd and counts", () => {
    if (plan.exact) throw new Error("expected a histogram plan");
    for (let k = 0; k < size; k++) {
      const exact = exactStats(all.columns[k]);
      const b = binned[k];
      if (exact === null) {
        expect(b).toBeNull();
        continue;
      }
      const width = (plan.hi[k] - plan.lo[k]) / plan.bins;
      for (const p of ["p5", "p10", "p50", "p90", "p95"] as const) {
        expect(Math.abs(b![p] - exact[p]), `output ${compiled.layout.lineNames[k % compiled.layout.lineCount] ?? k} ${p}`).toBeLessThanOrEqual(width + 1e-9 * Math.abs(exact[p]));
      }
      expect(Math.abs(b!.mean - exact.mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact.mean)));
      expect(Math.abs(b!.sd - exact.sd)).toBeLessThanOrEqual(1e-6 * Math.max(1, exact.sd));
      expect([b!.n, b!.negatives, b!.positives]).toEqual([exact.n, exact.negatives, exact.positives]);
    }
  });

  it("merges a later partial's bins between its extremes only, and hands them back cleared: the same statistics as one partial", () => {
    const split = 3 * BLOCK_SIZE;
    const chunk = (from: number, to: number) => runChunk({ key: "histogram-test", scenario: compiled.scenario, seed: compiled.scenario.simulation.seed, from, to, plan });
    const two = new Aggregator(size, iterations, plan);
    expect(two.add(chunk(0, split))).toBeNull(); // taken over, not freed
    const later = chunk(split, iterations);
    const sums = later.counts!.reduce((n, c) => n + c, 0);
    expect(sums).toBeGreaterThan(0);
    const free = two.add(later);
    expect(free?.zeroed).toBe(true);
    expect(free!.counts.every((c) => c === 0)).toBe(true);
    expect(two.stats()).toEqual(binned);
  });
});
