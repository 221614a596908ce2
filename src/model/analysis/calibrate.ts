import { summarize } from "../../engine/index.ts";
import { compileScenario } from "../inputs/compile-scenario.ts";
import { financialYear, toPence } from "../quantities/money.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";
import type { EvidenceRecord } from "../evidence/evidence-record-schema.ts";
import { simulateRange } from "../simulation/simulate.ts";
import { conditionWithNational, evidenceItems } from "../forecast/condition-on-evidence.ts";
import { nationalObservationsFor } from "../forecast/national-evidence.ts";

/** One calibration target's verdict: the published figure against the simulated band. */
export interface CalibrationRow {
  scenario: string;
  seed: string;
  option: string;
  year: string;
  output: string;
  unit: string;
  /** The published figure as compared (negated when the target says so). */
  /**
   * "point": the published value must lie in [P10, P90]; "range": the simulated P50 must lie in
   * [low, high], or a narrow published range (a forecast of 2.9-3.0m) lie inside [P10, P90].
   */
  kind: "point" | "range";
  published: { value?: number; low?: number; high?: number };
  p10: number;
  p50: number;
  p90: number;
  covered: boolean;
  /** The band-width rule for point targets (null for ranges) and whether the band meets it. */
  maxBandWidth: number | null;
  bandOk: boolean;
  /**
   * "check": a prediction of a figure the scenario was not given. "input check": the output only
   * copies an input (no spread, or an input cites the same record): reported, never counted as met.
   */
  role: "check" | "input check";
  /** Why a band fails its width rule (straddles zero, too wide), when it does. */
  bandNote?: string;
  /** Whether the row counts as a met target: a check, inside its band, the band meeting its rule. */
  met: boolean;
}

/** A value chosen so that a total comes out right, reported with its value (issue 11: honest calibration). */
export interface BalancingItem {
  scenario: string;
  key: string;
  distribution: string;
  note?: string;
}

/** The balancing items of a scenario: every quantity marked `balancing: true`. */
export function balancingItems(scenario: Scenario): BalancingItem[] {
  return compileScenario(scenario)
    .inputs.assumptions.filter((a) => a.balancing === true)
    .map((a) => ({ scenario: scenario.id, key: a.key, distribution: a.distribution, ...(a.note ? { note: a.note } : {}) }));
}

/** Outputs that are differences or accumulations of differences of large numbers. */
const DIFFERENCES = new Set(["overspend", "reserves", "councilTopUp"]);

/**
 * The widest P10-P90 band that still says something, for a point target. An overspend (or the
 * reserves it drains) is a small difference of two large numbers, so its band may be as wide as
 * twice the published figure; a level (spend, budget, a cost line) must be known to within half
 * of itself.
 */
export function maxBandWidth(output: string, published: number): number {
  return (DIFFERENCES.has(output) ? 2 : 0.5) * Math.abs(published);
}

/**
 * Published figures are rounded (27m, 42.3m, 174.0m): a simulated band that misses one by less
 * than 0.1% of it, well inside that rounding, still covers it.
 */
export const PUBLISHED_ROUNDING = 0.001;

/** Runs a scenario and checks each of its targets against the published figures in `seeds`. */
export function calibrate(
  scenario: Scenario,
  seeds: ReadonlyMap<string, EvidenceRecord>,
  options: { iterations?: number; seed?: string } = {},
): CalibrationRow[] {
  const missing = scenario.targets.map((t, i) => ({ t, i })).filter(({ t }) => !seeds.has(t.seed));
  if (missing.length > 0) {
    throw new ScenarioError(missing.map(({ t, i }) => ({ path: `targets[${i}].seed`, message: `no seeds/ record with id '${t.seed}'` })), scenario.id);
  }
  if (scenario.targets.length === 0) return [];
  const seed = options.seed ?? scenario.simulation.seed;
  const iterations = options.iterations ?? scenario.simulation.iterations;
  const compiled = compileScenario(scenario, seed);
  // Checks are predictions from the futures conditioned on the scenario's evidence (never on themselves).
  const used = evidenceItems(compiled, seeds);
  const national = compiled.inputs.hasNationalShocks ? nationalObservationsFor(scenario.startYear, scenario.years) : [];
  const lanes = used.length === 0 && national.length === 0 ? null : conditionWithNational(compiled, used, iterations, seed, national).lanes;
  const sim = simulateRange(compiled, 0, iterations, lanes);
  const cited = new Set(compiled.inputs.assumptions.flatMap((a) => (a.source ?? "").match(/seeds\/[a-z0-9-]+/g) ?? []).map((x) => x.slice("seeds/".length)));
  const { layout } = compiled;
  const column = (option: number, t: number, line: string) => sim.columns[layout.yearly(option, t, line)];

  return scenario.targets.map((target) => {
    const seed = seeds.get(target.seed)!;
    const sign = target.negate ? -1 : 1;
    const flip = (x: number | undefined) => (x === undefined ? undefined : sign * x);
    const record = { ...seed, value: flip(seed.value), low: target.negate ? flip(seed.high) : seed.low, high: target.negate ? flip(seed.low) : seed.high };
    const o = scenario.options.findIndex((x) => x.id === target.option);
    const first = target.year - scenario.startYear;
    const last = (target.toYear ?? target.year) - scenario.startYear;
    const [num, den] = target.output.split("/");
    const span = (line: string) => {
      const sum = Float64Array.from(column(o, first, line));
      for (let t = first + 1; t <= last; t++) column(o, t, line).forEach((x, i) => (sum[i] += x));
      return sum;
    };
    let values = span(num);
    if (den !== undefined) {
      const d = span(den);
      values = values.map((x, i) => x / d[i]);
    }
    const s = summarize(values);
    const isMoney = den === undefined;
    const round = (x: number) => (isMoney ? toPence(x) : Math.round(x * 1e6) / 1e6);
    const kind = record.low !== undefined || record.high !== undefined ? "range" : "point";
    const covered =
      kind === "point"
        ? s.p10 - PUBLISHED_ROUNDING * Math.abs(record.value!) <= record.value! && record.value! <= s.p90 + PUBLISHED_ROUNDING * Math.abs(record.value!)
        : (s.p50 >= (record.low ?? -Infinity) && s.p50 <= (record.high ?? Infinity)) ||
          (record.low !== undefined && record.high !== undefined && s.p10 <= record.low && record.high <= s.p90);
    const width = s.p90 - s.p10;
    const reference = kind === "point" ? record.value! : Math.max(Math.abs(record.low ?? 0), Math.abs(record.high ?? 0));
    // Every band has a width rule: a range target's band may be as wide as the rule for its larger end plus the range itself.
    const limit = maxBandWidth(num, reference) + (kind === "range" && record.low !== undefined && record.high !== undefined ? record.high - record.low : 0);
    const straddles = s.p10 < 0 && s.p90 > 0 && reference !== 0 && den === undefined;
    const inputCopy = width === 0 || cited.has(record.id);
    const bandOk = !straddles && width <= limit;
    const bandNote = straddles ? "straddles zero: cannot say whether it is above or below" : width > limit ? "too wide" : undefined;
    return {
      scenario: scenario.id,
      seed: record.id,
      option: target.option,
      year: target.toYear === undefined ? financialYear(target.year) : `${financialYear(target.year)} to ${financialYear(target.toYear)}`,
      output: target.output,
      unit: isMoney ? "GBP nominal" : "ratio",
      kind,
      published: { value: record.value, low: record.low, high: record.high },
      p10: round(s.p10),
      p50: round(s.p50),
      p90: round(s.p90),
      covered,
      maxBandWidth: limit,
      bandOk,
      ...(bandNote ? { bandNote } : {}),
      role: inputCopy ? "input check" : "check",
      met: !inputCopy && covered && bandOk,
    };
  });
}
