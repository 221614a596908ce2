import { summarize } from "../engine/index.ts";
import { compileScenario } from "./compile-scenario.ts";
import { financialYear, toPence } from "./money.ts";
import type { Scenario } from "./scenario-schema.ts";
import { ScenarioError } from "./scenario-error.ts";
import type { SeedRecord } from "./seed-schema.ts";
import { simulateRange } from "./simulate.ts";

/** One calibration target's verdict: the published figure against the simulated band. */
export interface CalibrationRow {
  scenario: string;
  seed: string;
  option: string;
  year: string;
  output: string;
  unit: string;
  /** "point": the published value must lie in [P10, P90]; "range": the simulated P50 must lie in [low, high]. */
  kind: "point" | "range";
  published: { value?: number; low?: number; high?: number };
  p10: number;
  p50: number;
  p90: number;
  covered: boolean;
  /** The band-width rule for point targets (null for ranges) and whether the band meets it. */
  maxBandWidth: number | null;
  bandOk: boolean;
}

/**
 * The widest P10-P90 band that still says something, for a point target. An overspend is a small
 * difference of two large numbers, so its band may be as wide as twice the published figure;
 * a level (spend, budget, a cost line) must be known to within half of itself.
 */
export function maxBandWidth(output: string, published: number): number {
  return (output === "overspend" ? 2 : 0.5) * Math.abs(published);
}

/** Runs a scenario and checks each of its targets against the published figures in `seeds`. */
export function calibrate(
  scenario: Scenario,
  seeds: ReadonlyMap<string, SeedRecord>,
  options: { iterations?: number; seed?: string } = {},
): CalibrationRow[] {
  const missing = scenario.targets.map((t, i) => ({ t, i })).filter(({ t }) => !seeds.has(t.seed));
  if (missing.length > 0) {
    throw new ScenarioError(missing.map(({ t, i }) => ({ path: `targets[${i}].seed`, message: `no seeds/ record with id '${t.seed}'` })), scenario.id);
  }
  if (scenario.targets.length === 0) return [];
  const compiled = compileScenario(scenario, options.seed ?? scenario.simulation.seed);
  const sim = simulateRange(compiled, 0, options.iterations ?? scenario.simulation.iterations);
  const { layout } = compiled;
  const column = (option: number, t: number, line: string) => sim.columns[layout.yearly(option, t, layout.lineNames.indexOf(line))];

  return scenario.targets.map((target) => {
    const record = seeds.get(target.seed)!;
    const o = scenario.options.findIndex((x) => x.id === target.option);
    const t = target.year - scenario.startYear;
    const [num, den] = target.output.split("/");
    let values = column(o, t, num);
    if (den !== undefined) {
      const d = column(o, t, den);
      values = values.map((x, i) => x / d[i]);
    }
    const s = summarize(values);
    const isMoney = den === undefined;
    const round = (x: number) => (isMoney ? toPence(x) : Math.round(x * 1e6) / 1e6);
    const kind = record.low !== undefined || record.high !== undefined ? "range" : "point";
    const covered =
      kind === "point"
        ? s.p10 <= record.value! && record.value! <= s.p90
        : s.p50 >= (record.low ?? -Infinity) && s.p50 <= (record.high ?? Infinity);
    const limit = kind === "point" ? maxBandWidth(num, record.value!) : null;
    return {
      scenario: scenario.id,
      seed: record.id,
      option: target.option,
      year: financialYear(target.year),
      output: target.output,
      unit: isMoney ? "GBP nominal" : "ratio",
      kind,
      published: { value: record.value, low: record.low, high: record.high },
      p10: round(s.p10),
      p50: round(s.p50),
      p90: round(s.p90),
      covered,
      maxBandWidth: limit,
      bandOk: limit === null || s.p90 - s.p10 <= limit,
    };
  });
}
