import { quantileSorted, spearman } from "../../engine/index.ts";
import { compileScenario } from "../inputs/compile-scenario.ts";
import { LANES } from "../inputs/input-sampler.ts";
import { ScenarioModel } from "../simulation/scenario-model.ts";
import { simulateBlocks } from "../simulation/simulate.ts";
import { toPence } from "../quantities/money.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";

/** What the sensitivity is of: the horizon total cost of option a, less b's when given. */
export interface SensitivityTarget {
  a: string;
  b?: string;
}

/** One uncertain input's influence on the output. */
export interface InputSensitivity {
  key: string;
  /** Spearman rank correlation with the output, and its approximate standard error sqrt((1 - rho^2) / (n - 2)). */
  spearman: number;
  spearmanSe: number;
  /** rho^2 as a share of the sum over all inputs: an approximate share of the output's variance. */
  contributionToVariance: number;
  /** The input's own P10 and P90 (a yearly input: its first year's; all years move together in the swing). */
  p10: number;
  p90: number;
  /** The output with every input at its median but this one at its P10, then at its P90 (GBP). */
  outputAtP10: number;
  outputAtP90: number;
  /** outputAtP90 - outputAtP10. */
  swing: number;
}

export interface SensitivityResult {
  output: string;
  iterations: number;
  seed: string;
  /** The output with every uncertain input at its median (GBP, nominal). */
  outputAtMedians: number;
  /** Most influential first, by |Spearman|. */
  inputs: InputSensitivity[];
}

/**
 * Sensitivity of a horizon output to every uncertain input, in three measures a finance reader
 * knows from @RISK: rank correlation (a yearly input counts by its average over the horizon),
 * contribution to variance (normalised squared rank correlations), and the swing of the output
 * when one input moves from its P10 to its P90 with all others at their medians (the tornado).
 */
export function sensitivity(scenario: Scenario, target: SensitivityTarget, options: { iterations?: number; seed?: string } = {}): SensitivityResult {
  const index = (id: string, field: string) => {
    const i = scenario.options.findIndex((o) => o.id === id);
    if (i < 0) throw new ScenarioError([{ path: field, message: `expected one of the options ${scenario.options.map((o) => o.id).join(", ")}, got '${id}'` }], "sensitivity");
    return i;
  };
  const a = index(target.a, "a");
  const b = target.b === undefined ? null : index(target.b, "b");
  const iterations = options.iterations ?? Math.min(scenario.simulation.iterations, 10_000);
  const seed = options.seed ?? scenario.simulation.seed;
  const compiled = compileScenario(scenario, seed);
  const inputs = compiled.inputs.uncertainInputs();
  const model = new ScenarioModel(compiled);
  const totalA = compiled.layout.horizon(a, "totalCost");
  const totalB = b === null ? -1 : compiled.layout.horizon(b, "totalCost");
  const output = (columns: readonly Float64Array[], i: number) => columns[totalA][i] - (b === null ? 0 : columns[totalB][i]);

  const outputs = new Float64Array(iterations);
  const summaries = inputs.map(() => new Float64Array(iterations));
  const slots = inputs.map((inp) => Array.from({ length: inp.width }, () => new Float64Array(iterations)));
  const values = compiled.inputs.values;
  simulateBlocks(compiled, 0, iterations, {
    accept(columns, start, count) {
      for (let i = 0; i < count; i++) outputs[start + i] = output(columns, i);
      inputs.forEach((inp, k) => {
        for (let i = 0; i < count; i++) {
          let sum = 0;
          for (let t = 0; t < inp.width; t++) {
            const x = values[(inp.slot + t) * LANES + i];
            slots[k][t][start + i] = x;
            sum += x;
          }
          summaries[k][start + i] = sum / inp.width;
        }
      });
    },
  });

  const quantiles = slots.map((perSlot) => perSlot.map((v) => {
    const sorted = Float64Array.from(v).sort();
    return { p10: quantileSorted(sorted, 0.1), p50: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9) };
  }));
  // The tornado's configurations, one a lane: all inputs at their medians, then each input alone
  // at its P10 and at its P90.
  const configurations: { input: number; which: "p10" | "p90" }[] = [{ input: -1, which: "p10" }];
  inputs.forEach((_, k) => configurations.push({ input: k, which: "p10" }, { input: k, which: "p90" }));
  const swings = new Float64Array(configurations.length);
  const columns = Array.from({ length: compiled.layout.size }, () => new Float64Array(LANES));
  for (let from = 0; from < configurations.length; from += LANES) {
    const count = Math.min(LANES, configurations.length - from);
    for (let i = 0; i < count; i++) {
      const config = configurations[from + i];
      inputs.forEach((inp, k) => {
        quantiles[k].forEach((q, t) => (values[(inp.slot + t) * LANES + i] = k === config.input ? q[config.which] : q.p50));
      });
    }
    model.evaluateBlock(count, columns);
    for (let i = 0; i < count; i++) swings[from + i] = output(columns, i);
  }
  const outputAtMedians = swings[0];
  const rows = inputs.map((inp, k) => {
    const low = swings[1 + 2 * k];
    const high = swings[2 + 2 * k];
    const rho = spearman(summaries[k], outputs);
    return { key: inp.key, rho, low, high, p10: quantiles[k][0].p10, p90: quantiles[k][0].p90 };
  });
  const sumSquares = rows.reduce((s, r) => s + r.rho * r.rho, 0);
  const name = (i: number) => scenario.options[i].id;
  return {
    output: `${b === null ? name(a) : `${name(a)} minus ${name(b)}`}: total cost over the horizon, GBP nominal`,
    iterations,
    seed,
    outputAtMedians: toPence(outputAtMedians),
    inputs: rows
      .map((r) => ({
        key: r.key,
        spearman: round(r.rho),
        spearmanSe: round(Math.sqrt(Math.max(0, 1 - r.rho * r.rho) / Math.max(1, iterations - 2))),
        contributionToVariance: sumSquares > 0 ? round((r.rho * r.rho) / sumSquares) : 0,
        p10: r.p10,
        p90: r.p90,
        outputAtP10: toPence(r.low),
        outputAtP90: toPence(r.high),
        swing: toPence(r.high - r.low),
      }))
      .sort((x, y) => Math.abs(y.spearman) - Math.abs(x.spearman) || Math.abs(y.swing) - Math.abs(x.swing)),
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

