import { describe, expect, it, vi } from "vitest";
import {
  Aggregator, BLOCK_SIZE, buildResults, closeSimulationPools, compileScenario, parseScenario, planAggregation, runChunk, runScenario, runScenarioAsync, simulateRange,
} from "../src/model/index.ts";
import { BlockFolder, emptyPartial, spreadRuns, truncatePartial } from "../src/engine/index.ts";
import { simulateBlocks, storedValues } from "../src/model/simulation/simulate.ts";
import { fixedOutputs } from "../src/model/simulation/zero-lines.ts";
import { resultsJson } from "../src/report/index.ts";
import { scenarioData } from "./helpers/scenarios.ts";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * A conditioned run's positions simulate resampled futures, ascending, each repeated: here runs of
 * 1 to 5 (a run of three crosses the first block's end) and one of 700, so blocks hold 300-800
 * distinct futures of their 1,024 positions.
 */
function repeatedLanes(n: number): Int32Array {
  const lanes = new Int32Array(n);
  let lane = 17;
  for (let i = 0; i < n; lane += 3) {
    const run = i === 3000 ? 700 : i >= BLOCK_SIZE - 1 && i < BLOCK_SIZE + 2 ? 3 : 1 + (lane % 5);
    for (let r = 0; r < run && i < n; r++) lanes[i++] = lane;
  }
  return lanes;
}

describe("a conditioned run's repeated futures", () => {
  const scenario = parseScenario(scenarioData("bradford"));
  const compiled = compileScenario(scenario, scenario.simulation.seed);
  const size = compiled.layout.size;
  const n = 5 * BLOCK_SIZE + 333;
  const lanes = repeatedLanes(n);
  // Every position's values, through a sink that takes no runs (they are spread before it sees them).
  const all = simulateRange(compiled, 0, n, lanes);
  const plan = planAggregation(size, n, { from: 0, to: BLOCK_SIZE, columns: all.columns.map((c) => c.subarray(0, BLOCK_SIZE)) }, fixedOutputs(compiled));
  const spread = new Aggregator(size, n, plan);
  {
    const part = emptyPartial(size, 0, n, plan);
    const folder = new BlockFolder(part, plan, size);
    for (let start = 0; start < n; start += BLOCK_SIZE) folder.accept(all.columns.map((c) => c.subarray(start, start + BLOCK_SIZE)), start, Math.min(BLOCK_SIZE, n - start));
    spread.add(part);
  }

  it("are stored once each in an exact partial (each block's distinct futures), with the statistics and histograms of every position's values", () => {
    expect(plan.exact).toBe(true);
    const part = runChunk({ key: "repeated-lanes", scenario, seed: scenario.simulation.seed, from: 0, to: n, plan, lanes });
    const distinct = storedValues(compiled, lanes, 0, n);
    expect(distinct).toBeLessThan(n / 2);
    expect(part.stored).toBe(distinct);
    expect(part.slots?.length).toBe(n);
    const stored = part.columns!.find((c) => c !== null)!;
    expect(stored.length).toBe(distinct);
    const once = new Aggregator(size, n, plan);
    once.add(part);
    expect(once.stats()).toEqual(spread.stats());
    for (let k = 0; k < size; k++) expect(once.histogram(k)).toEqual(spread.histogram(k));
  });

  it("give runScenario the results of every position's values, on one thread and on two, whole or in chunks", async () => {
    const seed = scenario.simulation.seed;
    const expected = resultsJson(buildResults(compiled, spread.stats(), n, seed, { method: "exact" }, (k) => spread.histogram(k)));
    expect(resultsJson(runScenario(scenario, { iterations: n, lanes }))).toBe(expected);
    expect(resultsJson(await runScenarioAsync(scenario, { iterations: n, lanes, workers: 2 }))).toBe(expected);
    // A chunk at a time, through an executor, as a sweep queue runs them.
    const chunked = await runScenarioAsync(scenario, { iterations: n, lanes, blockIterations: 2 * BLOCK_SIZE, execute: async (tasks) => tasks.map((t) => runChunk(t)) });
    expect(resultsJson(chunked)).toBe(expected);
    await closeSimulationPools();
  });

  it("fix the plan a run's positions would: the same from the first block's distinct futures (exact and binned)", () => {
    const part = emptyPartial(size, 0, BLOCK_SIZE, plan, undefined, storedValues(compiled, lanes, 0, BLOCK_SIZE));
    const folder = new BlockFolder(part, plan, size);
    let pilot: Float64Array[] = [];
    // The first block as the runner hands it over: each distinct future once.
    simulateBlocks(compiled, 0, BLOCK_SIZE, {
      accept() {
        throw new Error("expected the block's runs");
      },
      acceptRuns(columns, _start, count, source, distinct) {
        pilot = columns.map((c) => Float64Array.from(c.subarray(0, distinct)));
        folder.acceptRuns(columns, 0, count, source, distinct);
      },
    }, lanes.subarray(0, BLOCK_SIZE));
    const seen = pilot[0].length;
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(BLOCK_SIZE / 2);
    const positions = { from: 0, to: BLOCK_SIZE, columns: all.columns.map((c) => c.subarray(0, BLOCK_SIZE)) };
    const distinct = { from: 0, to: seen, columns: pilot };
    for (const iterations of [n, 200_000]) {
      expect(planAggregation(size, iterations, distinct, fixedOutputs(compiled))).toEqual(planAggregation(size, iterations, positions, fixedOutputs(compiled)));
    }
    // Cut to its first block, a partial keeps the values stored so far.
    const cut = truncatePartial(part, BLOCK_SIZE, size);
    expect(cut.slots?.length).toBe(BLOCK_SIZE);
    expect(cut.stored).toBe(seen);
  });

  it("spread in place from the end give every position its future's values, but for outputs fixed at +0", () => {
    const a = Float64Array.from([1, 2, 3, 0, 0, 0]);
    const fixed = new Float64Array(6);
    spreadRuns([a, fixed], Int32Array.from([0, 0, 1, 2, 2, 2]), 6, Uint8Array.from([0, 1]));
    expect([...a]).toEqual([1, 1, 2, 3, 3, 3]);
    expect([...fixed]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
