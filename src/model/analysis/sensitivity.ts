import { quantileSorted, spearman } from "../../engine/index.ts";
import { compileScenario } from "../inputs/compile-scenario.ts";
import { HORIZON_FIGURES } from "../costs/cost-lines.ts";
import { CostModel } from "../simulation/cost-model.ts";
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
  const model = new CostModel(compiled);
  const row = new Float64Array(compiled.layout.size);
  const total = HORIZON_FIGURES.indexOf("totalCost");
  const output = () => row[compiled.layout.horizon(a, total)] - (b === null ? 0 : row[compiled.layout.horizon(b, total)]);

  const outputs = new Float64Array(iterations);
  const summaries = inputs.map(() => new Float64Array(iterations));
  const slots = inputs.map((inp) => Array.from({ length: inp.width }, () => new Float64Array(iterations)));
  const values = compiled.inputs.values;
  for (let i = 0; i < iterations; i++) {
    compiled.inputs.drawIteration(i);
    model.evaluate(row);
    outputs[i] = output();
    inputs.forEach((inp, k) => {
      let sum = 0;
      for (let t = 0; t < inp.width; t++) {
        slots[k][t][i] = values[inp.slot + t];
        sum += values[inp.slot + t];
      }
      summaries[k][i] = sum / inp.width;
    });
  }

  const quantiles = slots.map((perSlot) => perSlot.map((v) => {
    const sorted = Float64Array.from(v).sort();
    return { p10: quantileSorted(sorted, 0.1), p50: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9) };
  }));
  const setAll = (k: number, which: "p10" | "p50" | "p90") => quantiles[k].forEach((q, t) => (values[inputs[k].slot + t] = q[which]));
  const evaluateAt = (): number => {
    model.evaluate(row);
    return output();
  };
  inputs.forEach((_, k) => setAll(k, "p50"));
  const outputAtMedians = evaluateAt();
  const rows = inputs.map((inp, k) => {
    setAll(k, "p10");
    const low = evaluateAt();
    setAll(k, "p90");
    const high = evaluateAt();
    setAll(k, "p50");
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

