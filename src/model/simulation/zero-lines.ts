import type { CompiledScenario } from "../inputs/compile-scenario.ts";
import { LANES } from "../inputs/input-sampler.ts";
import type { InputColumn } from "../costs/line-definition.ts";
import { RESERVES_BAND_YEARS } from "../costs/output-layout.ts";
import { FIXED_NAN, FIXED_ZERO } from "../../engine/index.ts";

/**
 * Which lines are 0 in every lane and year under each option's terms (zeroLines[option][line], by
 * index in compiled.lines), from the lines' own zero tests (CostLineDefinition.zeroWhen) over the
 * constants the scenario fixes, in evaluation order so a subtotal of zero lines is zero too. A
 * reference workload that leaves out legal costs, grants and high-cost placements evaluated and
 * folded about 300 such columns in every block.
 */
export function zeroLines(c: CompiledScenario): boolean[][] {
  let found = knownLines.get(c);
  if (found === undefined) knownLines.set(c, (found = findZeroLines(c)));
  return found;
}

/** Kept per compiled scenario: the model and the aggregation plan both ask. */
const knownLines = new WeakMap<CompiledScenario, boolean[][]>();

function findZeroLines(c: CompiledScenario): boolean[][] {
  const v = c.inputs.values;
  const isZero = (ref: InputColumn): boolean => {
    if (!ref.constant) return false;
    for (let t = 0; t < (ref.stride === 0 ? 1 : c.years); t++) if (v[(ref.slot + ref.stride * t) * LANES] !== 0) return false;
    return true;
  };
  const index = new Map(c.lines.map((l, k) => [l.definition.name, k]));
  return c.options.map((option) => {
    const zero: boolean[] = [];
    c.lines.forEach((line, k) => {
      const state = line.definition.scope === "shared" ? c.sharedLineState[k] : option.lineState[k];
      const test = line.definition.zeroWhen;
      zero[k] =
        state !== null && test !== undefined &&
        test(state, { input: isZero, line: (name) => zero[index.get(name)!] === true, dependencies: line.dependencies });
    });
    return zero;
  });
}

/** The option whose terms option o runs on in year t: its own, or those of the option it transfers to. */
export function regimeIn(c: CompiledScenario, o: number, t: number): number {
  const transfer = c.options[o].transfer;
  return transfer !== null && t >= transfer.year ? transfer.to : o;
}

const known = new WeakMap<CompiledScenario, Uint8Array>();

/**
 * The outputs a full evaluation writes the same in every lane of every block, a flag each (kept
 * per compiled scenario): FIXED_ZERO for the yearly rows, sublines included, of the lines
 * zeroLines finds under the terms each option runs on that year; FIXED_NAN for what does not
 * apply to an option (ScenarioModel.writeHorizon): reserves sustainability without finance, and
 * reserves at failure for an option that cannot fail. The reference workload has 153 of these.
 */
export function fixedOutputs(c: CompiledScenario): Uint8Array {
  let fixed = known.get(c);
  if (fixed !== undefined) return fixed;
  fixed = new Uint8Array(c.layout.size);
  const layout = c.layout;
  for (let o = 0; o < c.options.length; o++) {
    if (c.options[o].failWhenReservesBelow === null) fixed[layout.failure(o, "reservesAtFailure")] = FIXED_NAN;
    if (c.scenario.options[o].finance !== undefined) continue;
    for (let t = 0; t < c.years; t++) {
      fixed[layout.reservesYears(o, t)] = FIXED_NAN;
      fixed[layout.reservesNotDrawing(o, t)] = FIXED_NAN;
      for (let band = 0; band < RESERVES_BAND_YEARS.length; band++) fixed[layout.reservesBelow(o, t, band)] = FIXED_NAN;
    }
  }
  const zero = zeroLines(c);
  const baseline = c.scenario.baseline as Record<string, unknown>;
  for (let o = 0; o < c.options.length; o++) {
    for (let t = 0; t < c.years; t++) {
      const regime = regimeIn(c, o, t);
      c.lines.forEach((line, k) => {
        if (!zero[regime][k]) return;
        fixed![c.layout.yearly(o, t, line.definition.name)] = FIXED_ZERO;
        for (const name of line.definition.sublines?.(baseline) ?? []) fixed![c.layout.yearly(o, t, name)] = FIXED_ZERO;
      });
    }
  }
  known.set(c, fixed);
  return fixed;
}
