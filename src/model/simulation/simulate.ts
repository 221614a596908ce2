import type { CompiledScenario } from "../inputs/compile-scenario.ts";
import { CostModel } from "./cost-model.ts";
import type { SimulationColumns } from "../../engine/index.ts";

export type { SimulationColumns };


/** Progress callback: iterations done so far and the total of this call. */
export type ProgressListener = (done: number, total: number) => void;

const PROGRESS_EVERY = 1000;

/**
 * Runs iterations [from, to) of a compiled scenario. Each iteration's draws depend only on
 * (seed, input key, iteration index), so any split of the range gives the same columns.
 */
export function simulateRange(
  compiled: CompiledScenario,
  from: number,
  to: number,
  onProgress?: ProgressListener,
): SimulationColumns {
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to)) {
    throw new RangeError("simulateRange requires integers 0 <= from < to");
  }
  const size = compiled.layout.size;
  const count = to - from;
  const columns = Array.from({ length: size }, () => new Float64Array(count));
  const row = new Float64Array(size);
  const model = new CostModel(compiled);
  for (let i = 0; i < count; i++) {
    compiled.inputs.drawIteration(from + i);
    model.evaluate(row);
    for (let k = 0; k < size; k++) columns[k][i] = row[k];
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1, count);
  }
  onProgress?.(count, count);
  return { from, to, columns };
}

/** Receives each iteration's row of outputs; the row is reused, so copy what must be kept. */
export interface RowSink {
  accept(row: Float64Array, iteration: number): void;
}

/** Runs iterations [from, to), handing each row to `sink` without storing them. */
export function simulateRows(compiled: CompiledScenario, from: number, to: number, sink: RowSink): void {
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to)) {
    throw new RangeError("simulateRows requires integers 0 <= from < to");
  }
  const row = new Float64Array(compiled.layout.size);
  const model = new CostModel(compiled);
  for (let i = from; i < to; i++) {
    compiled.inputs.drawIteration(i);
    model.evaluate(row);
    sink.accept(row, i);
  }
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
