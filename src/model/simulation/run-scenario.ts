import { availableParallelism } from "node:os";
import type { Piscina } from "piscina";
import { workerModule, Aggregator, BLOCK_SIZE, BlockFolder, emptyPartial, planAggregation, truncatePartial, type AggregationMode, type BlockPartial, type OrderFreeSums, type SimulationColumns } from "../../engine/index.ts";
import { buildResults, type ConditioningSummary, type PercentileMethod, type Results } from "./results.ts";
import { compiledFor, runKey, type ChunkTask } from "./run-chunk.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { simulateBlocks, storedValues, type ProgressListener } from "./simulate.ts";
import { fixedOutputs } from "./zero-lines.ts";

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

/**
 * Below this many iterations a run stays in one thread: a pool the run starts (about half a second
 * to load and warm) costs more than it saves. Measured on Bradford's reference workload in fresh
 * processes, two workers against one: 1.82 s against 1.56 s at 100,000 iterations, even at 200,000
 * (2.61 s, 2.67 s), 4.7 s against 7.3 s at 400,000.
 */
export const PARALLEL_THRESHOLD = 200_000;

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
  /** Iterations in the first block (simulated to plan the aggregation). */
  pilotTo: number;
  /** The partial the first block was folded into, and its folder. */
  first: { part: BlockPartial; folder: BlockFolder };
}

/** A chunk's task, with its slice of the lanes when the run is conditioned. */
function task(p: Prepared, from: number, to: number): ChunkTask {
  return { ...p.base, from, to, lanes: p.lanes === null ? null : p.lanes.slice(from, to) };
}

/**
 * Compiles, runs the first block in this thread, fixes the aggregation plan from it and folds it
 * (straight from the block's columns: a copy is 14 MB of fresh pages for Bradford, 40 ms here) into
 * a partial for the whole run (`wholeRun`: this thread goes on with it) or for the first block alone.
 */
function prepare(scenario: Scenario, options: RunOptions, wholeRun: boolean): Prepared {
  const iterations = options.iterations ?? scenario.simulation.iterations;
  const seed = options.seed ?? scenario.simulation.seed;
  if (!(Number.isInteger(iterations) && iterations >= 1)) {
    throw new RangeError("runScenario requires a positive whole number of iterations");
  }
  const key = runKey(scenario, seed);
  const compiled = compiledFor({ key, scenario, seed });
  const size = compiled.layout.size;
  if (options.lanes !== undefined && options.lanes.length !== iterations) throw new RangeError("runScenario requires one lane per iteration");
  const pilotTo = Math.min(iterations, BLOCK_SIZE);
  let planned: { plan: AggregationMode; first: Prepared["first"] } | null = null;
  const lanes = options.lanes ?? null;
  // The plan from the first block's distinct lanes: the same plan as from its positions (equal
  // columns, constants and extremes are the same over either), so a repeated lane is stored once.
  const planFrom = (block: readonly Float64Array[], count: number) => {
    const pilot: SimulationColumns = { from: 0, to: count, columns: block[0].length === count ? [...block] : block.map((c) => c.subarray(0, count)) };
    return planAggregation(size, iterations, pilot, fixedOutputs(compiled));
  };
  const firstPartial = (plan: AggregationMode, count: number) => {
    const to = wholeRun ? iterations : count;
    const part = emptyPartial(size, 0, to, plan, undefined, storedValues(compiled, lanes, 0, to));
    return { part, folder: new BlockFolder(part, plan, size) };
  };
  simulateBlocks(compiled, 0, pilotTo, {
    accept(block, _start, count, copies) {
      const chosen = planFrom(block, count);
      const first = firstPartial(chosen, count);
      first.folder.accept(block, 0, count, copies);
      planned = { plan: chosen, first };
    },
    acceptRuns(block, _start, count, source, distinct, copies) {
      const chosen = planFrom(block, distinct);
      const first = firstPartial(chosen, count);
      first.folder.acceptRuns(block, 0, count, source, distinct, copies);
      planned = { plan: chosen, first };
    },
  }, lanes?.subarray(0, pilotTo) ?? null);
  const { plan, first } = planned!;
  const aggregator = new Aggregator(size, iterations, plan);
  return { iterations, seed, base: { key, scenario, seed, plan }, aggregator, compiled, lanes: options.lanes ?? null, conditioning: options.conditioning, pilotTo, first };
}

/** Hands the first block's partial to the aggregator alone (when a queue runs the rest). */
function foldPilot(p: Prepared): void {
  p.first.folder.complete();
  p.aggregator.add(p.first.part);
}

/**
 * One partial for the whole run in this thread: the first block, then each range folded into it in
 * turn by `fold` (a partial a chunk allocated and zeroed a histogram of every output each time,
 * 12 MB for Bradford); `end` hands it to the aggregator.
 */
function thisThreadRun(p: Prepared): { fold(from: number, to: number): void; end(through?: number): void } {
  const size = p.compiled.layout.size;
  const { part, folder } = p.first;
  return {
    fold(from, to) {
      const sink = {
        accept: (columns: readonly Float64Array[], start: number, count: number, copies?: Int32Array) => folder.accept(columns, from + start, count, copies),
        acceptRuns: (columns: readonly Float64Array[], start: number, count: number, source: Int32Array, distinct: number, copies?: Int32Array) =>
          folder.acceptRuns(columns, from + start, count, source, distinct, copies),
      };
      simulateBlocks(p.compiled, from, to, sink, p.lanes === null ? null : p.lanes.subarray(from, to));
    },
    /** Hands the partial over, cut to [0, through) when pool threads ran the rest. */
    end(through = p.iterations) {
      folder.complete();
      p.aggregator.add(through === p.iterations ? part : truncatePartial(part, through, size));
    },
  };
}

/**
 * Chunks of whole blocks after the first, about `perThread` per thread: taken one at a time by
 * whichever thread is free, so a thread that starts late (a worker loading the model) or runs
 * slowly takes fewer, and the last one finishes at most one chunk after the others.
 */
function chunks(iterations: number, threads: number, perThread = 4): [number, number][] {
  const blocks = Math.ceil(iterations / BLOCK_SIZE) - 1;
  if (blocks <= 0) return [];
  const perChunk = Math.max(1, Math.ceil(blocks / (threads * perThread)));
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
  const results = buildResults(p.compiled, p.aggregator.stats(), p.iterations, p.seed, percentiles, (k) => p.aggregator.histogram(k), p.conditioning);
  p.aggregator.release();
  return results;
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
    concurrentTasksPerWorker: POOL_TASKS_IN_FLIGHT,
    execArgv: worker.execArgv,
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
}

/** The largest chunk a pool thread takes (about 100 ms of work on Bradford's reference workload). */
const POOL_CHUNK_BLOCKS = 8;

/**
 * Chunks sent to each pool thread before its last comes back: with one, the thread waited for this
 * thread to merge that chunk and send the next (7-8 ms a chunk, 15% of its time idle).
 */
const POOL_TASKS_IN_FLIGHT = 2;

/**
 * Pools kept between runs in this process, by thread count. A pool thread takes about half a
 * second to load the model and warm its compiled code, about as long as its share of a
 * 100,000-iteration run, so a pool started for each run gained almost nothing; kept, the next
 * run's threads work at full speed from its first chunk (the service, sweeps, run-to-precision's
 * doublings). Idle, piscina unrefs its threads: a kept pool never holds a process open.
 */
const keptPools = new Map<number, Promise<Piscina>>();

function keptPool(threads: number): Promise<Piscina> {
  let pool = keptPools.get(threads);
  if (pool === undefined) keptPools.set(threads, (pool = startPool(threads)));
  return pool;
}

/**
 * Starts the kept pool a run of `threads` pool threads will use, so its threads load the model
 * while this thread does other work first (loading evidence, conditioning on it).
 */
export function prewarmSimulationPool(threads: number): void {
  if (threads >= 1) void keptPool(threads);
}

/** A pool whose run failed is not kept: its threads may be part-way through a task. */
async function dropPool(threads: number, pool: Piscina): Promise<void> {
  if (keptPools.get(threads) !== undefined && (await keptPools.get(threads)) === pool) keptPools.delete(threads);
  await pool.destroy();
}

/** Closes the kept simulation pools (for a host that wants its threads back). */
export async function closeSimulationPools(): Promise<void> {
  const pools = [...keptPools.values()];
  keptPools.clear();
  poolSums.length = 0;
  await Promise.all(pools.map(async (pool) => (await pool).destroy()));
}

/**
 * Bins of merged pool partials, for pool threads' next chunks: kept from run to run with the pool
 * (a thread's partial of another shape allocates its own and the bins sent are dropped).
 */
const poolSums: OrderFreeSums[] = [];

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
  const p = prepare(scenario, options, true);
  const run = thisThreadRun(p);
  if (p.iterations > BLOCK_SIZE) run.fold(BLOCK_SIZE, p.iterations);
  run.end();
  return finish(p);
}

/**
 * Runs a validated scenario over `workers` threads (default: the cores from PARALLEL_THRESHOLD), this
 * one included: it works through the blocks with `workers - 1` kept pool threads, so it is busy while
 * they start (a worker loads the model in a few hundred milliseconds) and the cores are not
 * oversubscribed. Yields to the event loop between blocks (pool threads', between chunks). Through `execute` (a sweep queue) when given. Same numbers as
 * runScenario, byte for byte, whoever runs a chunk.
 */
export async function runScenarioAsync(scenario: Scenario, options: RunOptions = {}): Promise<Results> {
  if (options.execute !== undefined) return runThrough(options.execute, scenario, options);
  const iterations = options.iterations ?? scenario.simulation.iterations;
  const workers = Math.max(1, Math.floor(options.workers ?? defaultWorkers(iterations)));
  const work = chunks(iterations, workers, workers > 1 ? 8 : 4);
  // A new pool's threads start (and load the model) while this thread runs the first block and the first chunks.
  const poolThreads = Math.min(workers - 1, work.length - 1);
  const pool = poolThreads > 0 ? await keptPool(poolThreads) : null;
  // A bad scenario throws here, before any task: the kept pool is untouched.
  const p = prepare(scenario, options, true);
  let done = Math.min(p.iterations, BLOCK_SIZE);
  if (pool === null) {
    options.onProgress?.(done, p.iterations);
    const run = thisThreadRun(p);
    for (const [from, to] of work) {
      run.fold(from, to);
      done += to - from;
      options.onProgress?.(done, p.iterations);
      await new Promise((resolve) => setImmediate(resolve));
    }
    run.end();
    return finish(p);
  }
  // Merged partials' bins go back to the pool threads for their next chunks (see OrderFreeSums).
  const free = poolSums;
  const add = (part: BlockPartial) => {
    const reusable = p.aggregator.add(part);
    if (reusable !== null) free.push(reusable);
    done += part.to - part.from;
    options.onProgress?.(done, p.iterations);
  };
  const runPooled = (from: number, to: number) => {
    const reuse = free.pop();
    const t = reuse === undefined ? task(p, from, to) : { ...task(p, from, to), reuse };
    return pool.run(t, reuse === undefined ? {} : { transferList: [reuse.counts, reuse.min, reuse.max, reuse.negatives, reuse.positives].map((a) => a.buffer as ArrayBuffer) });
  };
  options.onProgress?.(done, p.iterations);
  // This thread takes blocks from the front into one partial (as alone); pool threads take chunks
  // from the back, a partial each, until the two meet (a histogram per chunk was zeroed and merged
  // otherwise). A pool chunk is at most POOL_CHUNK_BLOCKS and shrinks as the blocks left do, so
  // neither side waits long for the other's last piece.
  const blocks = Math.ceil(p.iterations / BLOCK_SIZE);
  let front = 1;
  let back = blocks;
  const range = (a: number, b: number): [number, number] => [a * BLOCK_SIZE, Math.min(p.iterations, b * BLOCK_SIZE)];
  const takeFront = () => (front < back ? range(front, ++front) : null);
  const takeBack = () => {
    const left = back - front;
    if (left <= 0) return null;
    const size = Math.max(1, Math.min(POOL_CHUNK_BLOCKS, Math.floor(left / (2 * (poolThreads + 1)))));
    back -= size;
    return range(back, back + size);
  };
  let failed = false;
  const pooled = Array.from({ length: poolThreads * POOL_TASKS_IN_FLIGHT }, async () => {
    for (let w = takeBack(); w !== null && !failed; w = takeBack()) add((await runPooled(w[0], w[1])) as BlockPartial);
  });
  try {
    const run = thisThreadRun(p);
    let through = p.pilotTo;
    // A block at a time, yielding between them: a pool thread's next chunk is sent from this
    // thread's event loop, so a chunk run here in one go left the pool idle until it ended.
    for (let w = takeFront(); w !== null; w = takeFront()) {
      run.fold(w[0], w[1]);
      through = w[1];
      done += w[1] - w[0];
      options.onProgress?.(done, p.iterations);
      await new Promise((resolve) => setImmediate(resolve));
    }
    run.end(through);
    await Promise.all(pooled);
  } catch (error) {
    failed = true;
    await Promise.allSettled(pooled);
    await dropPool(poolThreads, pool);
    throw error;
  }
  return finish(p);
}

/**
 * The first block here (it fixes the aggregation plan), every later chunk through `execute`, the
 * partials merged as the threads' are: the results depend only on (scenario, seed, iterations).
 */
async function runThrough(execute: ChunkExecutor, scenario: Scenario, options: RunOptions): Promise<Results> {
  const p = prepare(scenario, options, false);
  foldPilot(p);
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
