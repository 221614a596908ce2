import { BLOCK_SIZE, columnViews, spreadRuns, type SimulationColumns } from "../../engine/index.ts";
import type { CompiledScenario } from "../inputs/compile-scenario.ts";
import { LANES } from "../inputs/input-sampler.ts";
import { ScenarioModel, type PartialEvaluation } from "./scenario-model.ts";
import { fixedOutputs } from "./zero-lines.ts";

export type { SimulationColumns, PartialEvaluation };

/** Progress callback: iterations done so far and the total of this call. */
export type ProgressListener = (done: number, total: number) => void;

/** Receives each block's output columns (columns[output][lane], valid for `count` lanes); reused, so copy what must be kept. */
export interface BlockSink {
  /** `copies[k] = j`: output k holds output j's values, bit for bit, in this block (-1: not known; ScenarioModel.copiedFrom). */
  accept(columns: readonly Float64Array[], start: number, count: number, copies?: Int32Array): void;
  /**
   * When present, a block whose lanes repeat arrives with each distinct lane once: position
   * start + i holds columns[k][source[i]], for `distinct` values (else the runs are spread first).
   */
  acceptRuns?(columns: readonly Float64Array[], start: number, count: number, source: Int32Array, distinct: number, copies?: Int32Array): void;
}

/** The iterations positions [from, to) simulate, lanes[j - from] for position j, or the positions themselves when null. */
export type LaneMap = Int32Array | null;

/**
 * Runs positions [from, to) of a run block by block (from a multiple of BLOCK_SIZE), position j
 * simulating iteration lanes[j - from] (a resampled future) or j itself, and hands each block of
 * columns to `sink`. Values depend only on (seed, input key, iteration), never on the split.
 */
export function simulateBlocks(
  compiled: CompiledScenario,
  from: number,
  to: number,
  sink: BlockSink,
  lanes: LaneMap = null,
  onProgress?: ProgressListener,
  /** Evaluate only some years and options (conditioning needs no more). */
  partial?: PartialEvaluation,
): void {
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to && from % BLOCK_SIZE === 0)) {
    throw new RangeError("simulateBlocks requires integers 0 <= from < to with from a multiple of BLOCK_SIZE");
  }
  const held = hold(compiled);
  try {
    runBlocks(compiled, held, from, to, sink, lanes, onProgress, partial);
  } finally {
    held.busy = false;
  }
}

/** A compiled scenario's model and block buffers, kept for its next call while it lives. */
interface Workspace {
  model: ScenarioModel;
  columns: Float64Array[];
  batch: Int32Array;
  source: Int32Array;
  busy: boolean;
}

/**
 * Workspaces by compiled scenario: a model and its 1,683 block columns (14 MB for Bradford) made
 * afresh on every call cost more than the call when it is short (a run's first block, a conditioning
 * pass), most of it in the garbage collections the allocations set off. A nested call gets its own.
 */
const workspaces = new WeakMap<CompiledScenario, Workspace>();

function hold(compiled: CompiledScenario): Workspace {
  let held = workspaces.get(compiled);
  if (held === undefined || held.busy) {
    const fresh = { model: new ScenarioModel(compiled), columns: columnViews(compiled.layout.size, LANES), batch: new Int32Array(LANES), source: new Int32Array(LANES), busy: false };
    if (held === undefined) workspaces.set(compiled, fresh);
    held = fresh;
  }
  held.busy = true;
  return held;
}

function runBlocks(
  compiled: CompiledScenario, held: Workspace, from: number, to: number, sink: BlockSink, lanes: LaneMap, onProgress: ProgressListener | undefined, partial: PartialEvaluation | undefined,
): void {
  const { model, columns, batch, source } = held;
  // A partial evaluation of some options draws only their inputs and the baseline's.
  const onlyOptions = partial?.options?.map((o) => compiled.options[o].id);
  const fixed = fixedOutputs(compiled);
  for (let start = from; start < to; start += LANES) {
    const count = Math.min(LANES, to - start);
    let distinct = count;
    // Repeated lanes are simulated once, unless national futures are supplied by position.
    if (lanes === null || compiled.inputs.suppliesNational) for (let i = 0; i < count; i++) batch[i] = lanes === null ? start + i : lanes[start - from + i];
    else distinct = distinctRuns(lanes, start - from, count, batch, source);
    compiled.inputs.drawLanes(batch, distinct, start - from, partial?.throughYear, partial?.nationalThroughYear, onlyOptions);
    model.evaluateBlock(distinct, columns, partial);
    if (distinct < count && sink.acceptRuns !== undefined) sink.acceptRuns(columns, start - from, count, source, distinct, model.copiedFrom);
    else {
      // Spread to every position, copies stay copies.
      if (distinct < count) spreadRuns(columns, source, count, fixed);
      sink.accept(columns, start - from, count, model.copiedFrom);
    }
    onProgress?.(start + count - from, to - from);
  }
}

/**
 * Resampled futures repeat (a conditioned run of 10,000 positions may hold 3,000 distinct futures,
 * each repeat next to the first when the lanes ascend): each run of equal lanes is simulated once.
 * Writes the distinct lanes of lanes[at .. at + count) into `batch` and, for each position, the
 * index of its lane in `batch` into `source`; returns how many are distinct.
 */
function distinctRuns(lanes: Int32Array, at: number, count: number, batch: Int32Array, source: Int32Array): number {
  let distinct = 0;
  for (let i = 0; i < count; i++) {
    const lane = lanes[at + i];
    if (distinct === 0 || batch[distinct - 1] !== lane) batch[distinct++] = lane;
    source[i] = distinct - 1;
  }
  return distinct;
}

/**
 * The values a sink taking runs (BlockSink.acceptRuns) is handed for positions [from, to) of
 * simulateBlocks(compiled, from, to, sink, lanes): each block's distinct lanes, or every position
 * where runBlocks simulates each (no lanes, or national futures supplied by position).
 */
export function storedValues(compiled: CompiledScenario, lanes: LaneMap, from: number, to: number): number {
  if (lanes === null || compiled.inputs.suppliesNational) return to - from;
  let stored = 0;
  for (let start = from; start < to; start += LANES) {
    const end = Math.min(to, start + LANES) - from;
    for (let i = start - from; i < end; i++) if (i === start - from || lanes[i] !== lanes[i - 1]) stored++;
  }
  return stored;
}

/**
 * Every output of iterations [from, to) (any range: a value depends only on its iteration), or of
 * the iterations `lanes` lists, column-major, for analyses that need the values themselves.
 */
export function simulateRange(compiled: CompiledScenario, from: number, to: number, lanes: LaneMap = null): SimulationColumns {
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to)) throw new RangeError("simulateRange requires integers 0 <= from < to");
  const iterations = lanes ?? Int32Array.from({ length: to - from }, (_, i) => from + i);
  const n = to - from;
  const size = compiled.layout.size;
  // Views into one buffer, laid out as a block's columns are: a whole block is one copy (a buffer
  // and a copy per output cost more than simulating a run's first block).
  const all = new Float64Array(size * n);
  const columns = Array.from({ length: size }, (_, k) => all.subarray(k * n, (k + 1) * n));
  simulateBlocks(compiled, 0, n, {
    accept(block, start, count) {
      const first = block[0];
      const whole = n === LANES && count === LANES && block[size - 1].buffer === first.buffer && block[size - 1].byteOffset === first.byteOffset + (size - 1) * LANES * 8;
      if (whole) all.set(new Float64Array(first.buffer, first.byteOffset, size * LANES));
      else for (let k = 0; k < size; k++) columns[k].set(block[k].subarray(0, count), start);
    },
  }, iterations);
  return { from, to, columns };
}

/** Joins consecutive ranges, in order, into one. */
export function concatColumns(parts: readonly SimulationColumns[]): SimulationColumns {
  if (parts.length === 0) throw new RangeError("concatColumns requires at least one part");
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].from !== sorted[i - 1].to) throw new RangeError("concatColumns requires contiguous ranges");
  }
  if (sorted.length === 1) return sorted[0];
  const from = sorted[0].from;
  const to = sorted[sorted.length - 1].to;
  const columns = sorted[0].columns.map((_, k) => {
    const out = new Float64Array(to - from);
    for (const part of sorted) out.set(part.columns[k], part.from - from);
    return out;
  });
  return { from, to, columns };
}
