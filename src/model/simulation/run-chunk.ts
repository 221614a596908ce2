import { BlockFolder, emptyPartial, type AggregationMode, type BlockPartial, type OrderFreeSums } from "../../engine/index.ts";
import { compileScenario, type CompiledScenario } from "../inputs/compile-scenario.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { simulateBlocks, storedValues } from "./simulate.ts";

/** Consecutive blocks [from, to) of one run: the unit of work a worker (or the main thread) does. */
export interface ChunkTask {
  /** Identifies (scenario, seed) so a worker compiles each scenario once. */
  key: string;
  scenario: Scenario;
  seed: string;
  from: number;
  to: number;
  plan: AggregationMode;
  /** The iterations positions [from, to) simulate (conditioned, resampled futures); absent: the positions themselves. */
  lanes?: Int32Array | null;
  /** Buffers of an earlier partial, already merged, for this one's order-free sums (binned). */
  reuse?: OrderFreeSums;
}

let cached: { key: string; compiled: CompiledScenario } | null = null;

/** The key of a run's tasks: the scenario and seed it compiles from. */
export function runKey(scenario: Scenario, seed: string): string {
  return `${seed}\u0000${JSON.stringify(scenario)}`;
}

/** The compiled scenario of a task, compiled once per thread per (scenario, seed). */
export function compiledFor(task: Pick<ChunkTask, "key" | "scenario" | "seed">): CompiledScenario {
  if (cached?.key !== task.key) cached = { key: task.key, compiled: compileScenario(task.scenario, task.seed) };
  return cached.compiled;
}

/** Simulates the task's positions and folds each block of columns into one partial as it is made. */
export function runChunk(task: ChunkTask): BlockPartial {
  const compiled = compiledFor(task);
  const lanes = task.lanes ?? null;
  const part = emptyPartial(compiled.layout.size, task.from, task.to, task.plan, task.reuse, storedValues(compiled, lanes, task.from, task.to));
  const folder = new BlockFolder(part, task.plan, compiled.layout.size);
  simulateBlocks(compiled, task.from, task.to, folder, lanes);
  folder.complete();
  return part;
}
