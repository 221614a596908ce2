import { compileScenario } from "./compile-scenario.ts";
import { buildResults, type Results } from "./results.ts";
import type { Scenario } from "./scenario-schema.ts";
import { concatColumns, simulateRange, type ProgressListener, type SimulationColumns } from "./simulate.ts";

export interface RunOptions {
  iterations?: number;
  seed?: string;
  onProgress?: ProgressListener;
}

/** Runs a validated scenario in this thread and returns its results. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): Results {
  const iterations = options.iterations ?? scenario.simulation.iterations;
  const seed = options.seed ?? scenario.simulation.seed;
  if (!(Number.isInteger(iterations) && iterations >= 1)) {
    throw new RangeError("runScenario requires a positive whole number of iterations");
  }
  const compiled = compileScenario(scenario, seed);
  return buildResults(compiled, simulateRange(compiled, 0, iterations, options.onProgress), seed);
}

/** Iterations per block: fixed, so block boundaries never depend on the caller. */
export const BLOCK_SIZE = 2000;

/**
 * Runs a validated scenario in blocks, yielding to the event loop between blocks so a progress
 * bar or a server stays live. Same numbers as runScenario, byte for byte.
 */
export async function runScenarioInBlocks(scenario: Scenario, options: RunOptions = {}): Promise<Results> {
  const iterations = options.iterations ?? scenario.simulation.iterations;
  const seed = options.seed ?? scenario.simulation.seed;
  if (!(Number.isInteger(iterations) && iterations >= 1)) {
    throw new RangeError("runScenarioInBlocks requires a positive whole number of iterations");
  }
  const compiled = compileScenario(scenario, seed);
  const parts: SimulationColumns[] = [];
  for (let from = 0; from < iterations; from += BLOCK_SIZE) {
    const to = Math.min(iterations, from + BLOCK_SIZE);
    parts.push(simulateRange(compiled, from, to));
    options.onProgress?.(to, iterations);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return buildResults(compiled, concatColumns(parts), seed);
}
