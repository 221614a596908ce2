import { availableParallelism } from "node:os";
import type { Piscina } from "piscina";
import { workerModule, Aggregator, BLOCK_SIZE, emptyPartial, foldBlock, planAggregation, type BlockPartial } from "../../engine/index.ts";
import { buildResults, type ConditioningSummary, type PercentileMethod, type Results } from "./results.ts";
import { compiledFor, runChunk, type ChunkTask } from "./run-chunk.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { simulateRange, type ProgressListener } from "./simulate.ts";

export { BLOCK_SIZE };

export interface RunOptions {
  iterations?: number;
  seed?: string;
  /** Worker threads; 1 runs in this thread. The numbers never depend on it. */
  workers?: number;
  onProgress?: ProgressListener;
  /** The iterations each position simulates (conditioned futures, see forecast/); absent: 0, 1, 2, ... */
  lanes?: Int32Array;
  /** What conditioning did, reported with the results. */
  conditioning?: ConditioningSummary;
  /** Runs the chunks after the first block elsewhere (a sweep queue: src/cli/sweep-executor.ts) instead of threads here. */
  execute?: ChunkExecutor;
  /** Iterations per chunk handed to `execute` (rounded up to whole blocks; default 10,240). */
  blockIterations?: number;
}

/** Runs chunk tasks and returns their partials in task order; the numbers never depend on where they ran. */
export type ChunkExecutor = (tasks: readonly ChunkTask[], onProgress?: (done: number, total: number) => void) => Promise<BlockPartial[]>;

/** Default iterations per chunk on a queue: ten blocks, about the portfolio's 10,000 (PORTFOLIO_BLOCK). */
export const SWEEP_CHUNK = 10 * BLOCK_SIZE;

/** Below this many iterations a run stays in one thread: starting workers (about half a second) costs more than it saves. */
export const PARALLEL_THRESHOLD = 40_000;

/** The default worker count: the machine's cores, for runs large enough to gain from them. */
export function defaultWorkers(iterations = Infinity): number {
  return iterations >= PARALLEL_THRESHOLD ? availableParallelism() : 1;
}

interface Prepared {
  iterations: number;
  seed: string;
  base: Omit<ChunkTask, "from" | "to">;
  aggregator: Aggregator;
  compiled: ReturnType<typeof compiledFor>;
  lanes: Int32Array | null;
  conditioning: ConditioningSummary | undefined;
}

/** A chunk's task, with its slice of the lanes when the run is conditioned. */
function task(p: Prepared, from: number, to: number): ChunkTask {
  return { ...p.base, from, to, lanes: p.lanes === null ? null : p.lanes.slice(from, to) };
}

/** Compiles, runs the first block in this thread and fixes the aggregation plan from it. */
function prepare(scenario: Scenario, options: RunOptions): Prepared {
  const iterations = options.iterations ?? scenario.simulation.iterations;
  const seed = options.seed ?? scenario.simulation.seed;
  if (!(Number.isInteger(iterations) && iterations >= 1)) {
    throw new RangeError("runScenario requires a positive whole number of iterations");
  }
  const key = `${seed}\u0000${JSON.stringify(scenario)}`;
  const compiled = compiledFor({ key, scenario, seed });
  const size = compiled.layout.size;
  if (options.lanes !== undefined && options.lanes.length !== iterations) throw new RangeError("runScenario requires one lane per iteration");
  const pilot = simulateRange(compiled, 0, Math.min(iterations, BLOCK_SIZE), options.lanes?.subarray(0, Math.min(iterations, BLOCK_SIZE)) ?? null);
  const plan = planAggregation(size, iterations, pilot);
  const aggregator = new Aggregator(size, iterations, plan);
  const first = emptyPartial(size, 0, pilot.to, plan);
  foldBlock(first, pilot, plan);
  aggregator.add(first);
  return { iterations, seed, base: { key, scenario, seed, plan }, aggregator, compiled, lanes: options.lanes ?? null, conditioning: options.conditioning };
}

/** Chunks of whole blocks after the first, about four per worker for balance. */
function chunks(iterations: number, workers: number): [number, number][] {
  const blocks = Math.ceil(iterations / BLOCK_SIZE) - 1;
  if (blocks <= 0) return [];
  const perChunk = Math.max(1, Math.ceil(blocks / (workers * 4)));
  const out: [number, number][] = [];
  for (let b = 1; b <= blocks; b += perChunk) {
    out.push([b * BLOCK_SIZE, Math.min(iterations, (b + perChunk) * BLOCK_SIZE)]);
  }
  return out;
}

function finish(p: Prepared): Results {
  const plan = p.aggregator.plan;
  const percentiles: PercentileMethod = plan.exact
    ? { method: "exact" }
    : {
        method: "histogram",
        bins: plan.bins,
        note:
          `over ${p.iterations.toLocaleString("en-GB")} iterations, percentiles come from ${plan.bins} bins per output ` +
          `spanning three times the range of the first ${BLOCK_SIZE} iterations, each within one bin width of the exact ` +
          `value; means and standard deviations are exact`,
      };
  return buildResults(p.compiled, p.aggregator.stats(), p.iterations, p.seed, percentiles, (k) => p.aggregator.histogram(k), p.conditioning);
}

/**
 * A pool of `threads` simulation workers: compiled JavaScript from dist/, or TypeScript through
 * tsx when this thread runs the sources. piscina is loaded here, at the point of use, so that
 * commands that never start a pool do not pay for it.
 */
async function startPool(threads: number): Promise<Piscina> {
  const worker = workerModule(import.meta.url, "simulation-worker");
  const { Piscina } = await import("piscina");
  return new Piscina({
    filename: worker.url.href,
    minThreads: threads,
    maxThreads: threads,
    execArgv: worker.execArgv,
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
}

/** Chunks of `block` iterations (rounded up to whole blocks) after the first block. */
function chunksOf(iterations: number, block: number): [number, number][] {
  if (!(Number.isInteger(block) && block > 0)) throw new RangeError("runScenarioAsync requires a positive whole number of iterations per chunk");
  const size = Math.ceil(block / BLOCK_SIZE) * BLOCK_SIZE;
  const out: [number, number][] = [];
  for (let from = BLOCK_SIZE; from < iterations; from += size) out.push([from, Math.min(iterations, from + size)]);
  return out;
}

/** Runs a validated scenario in this thread and returns its results. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): Results {
  const p = prepare(scenario, options);
  for (const [from, to] of chunks(p.iterations, 1)) p.aggregator.add(runChunk(task(p, from, to)));
  return finish(p);
}

/**
 * Runs a validated scenario over `workers` threads (default: the cores), or in this thread while
 * yielding to the event loop when workers is 1, or through `execute` (a sweep queue) when given.
 * Same numbers as runScenario, byte for byte.
 */
export async function runScenarioAsync(scenario: Scenario, options: RunOptions = {}): Promise<Results> {
  if (options.execute !== undefined) return runThrough(options.execute, scenario, options);
  const iterations = options.iterations ?? scenario.simulation.iterations;
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkers(iterations)));
  const work = chunks(iterations, workers);
  // Threads start (and load the model) while this thread runs the first block.
  const pool = workers > 1 && work.length > 0 ? await startPool(Math.min(workers, work.length)) : null;
  let p: Prepared;
  try {
    p = prepare(scenario, options);
  } catch (error) {
    await pool?.destroy();
    throw error;
  }
  let done = Math.min(p.iterations, BLOCK_SIZE);
  const progress = (part: BlockPartial) => {
    done += part.to - part.from;
    options.onProgress?.(done, p.iterations);
  };
  options.onProgress?.(done, p.iterations);
  if (pool === null) {
    for (const [from, to] of work) {
      const part = runChunk(task(p, from, to));
      p.aggregator.add(part);
      progress(part);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return finish(p);
  }
  try {
    await Promise.all(
      work.map(async ([from, to]) => {
        const part = (await pool.run(task(p, from, to))) as BlockPartial;
        p.aggregator.add(part);
        progress(part);
      }),
    );
  } finally {
    await pool.destroy();
  }
  return finish(p);
}

/**
 * The first block here (it fixes the aggregation plan), every later chunk through `execute`, the
 * partials merged as the threads' are: the results depend only on (scenario, seed, iterations).
 */
async function runThrough(execute: ChunkExecutor, scenario: Scenario, options: RunOptions): Promise<Results> {
  const p = prepare(scenario, options);
  const first = Math.min(p.iterations, BLOCK_SIZE);
  const work = chunksOf(p.iterations, options.blockIterations ?? SWEEP_CHUNK);
  options.onProgress?.(first, p.iterations);
  const tasks = work.map(([from, to]) => task(p, from, to));
  const parts = await execute(tasks, (done) => options.onProgress?.(first + work.slice(0, done).reduce((s, [from, to]) => s + to - from, 0), p.iterations));
  if (parts.length !== tasks.length || parts.some((part, i) => part.from !== tasks[i].from || part.to !== tasks[i].to)) {
    throw new RangeError("runScenarioAsync requires one partial per chunk, in chunk order");
  }
  for (const part of parts) p.aggregator.add(part);
  return finish(p);
}
