import { quantileSorted } from "../../engine/index.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";
import { compileScenario, type CompiledScenario } from "../inputs/compile-scenario.ts";
import { simulateRange } from "../simulation/simulate.ts";
import { toPence } from "../quantities/money.ts";

/** One input restricted to a tail of its distribution: probabilities lo < hi in [0, 1]. */
export interface StressedInput {
  key: string;
  lo: number;
  hi: number;
}

/** A figure unstressed and stressed on the same futures, with the paired difference (stressed - unstressed). */
export interface StressFigure {
  unstressed: { mean: number; p90: number };
  stressed: { mean: number; p90: number };
  difference: { mean: number; se: number };
}

export interface StressResult {
  scenario: string;
  iterations: number;
  seed: string;
  stressed: StressedInput[];
  /** Per option: the horizon total cost (nominal), and for an option that can fail its chance of failing and each plan's total cost. */
  options: { id: string; totalCost: StressFigure; probabilityFails?: { unstressed: number; stressed: number }; plans?: { id: string; totalCost: StressFigure }[] }[];
  note: string;
}

/** "key:p90-p100" into an input and its tail; throws ScenarioError naming the flag's text. */
export function parseStress(text: string, path = "stress"): StressedInput {
  const m = /^(.+):p(\d+(?:\.\d+)?)-p(\d+(?:\.\d+)?)$/.exec(text);
  const lo = m ? Number(m[2]) / 100 : NaN;
  const hi = m ? Number(m[3]) / 100 : NaN;
  if (!m || !(lo >= 0 && hi <= 1 && lo < hi)) {
    throw new ScenarioError([{ path, message: `expected <input key>:p<lo>-p<hi> with 0 <= lo < hi <= 100 (e.g. baseline.otherSpend:p90-p100), got '${text}'` }], "stress");
  }
  return { key: m[1], lo, hi };
}

/**
 * Stress analysis as @RISK offers it: the scenario's prior futures run twice on the same seed, once
 * as drawn and once with the chosen inputs restricted to their tails (InputSampler.stress), every
 * other input's keyed draws untouched, so the paired difference per iteration shows what the tail
 * alone does to each option's cost and each contingency plan's. Unconditioned futures: conditioning
 * on evidence would resample them differently in the two runs.
 */
export function stressScenario(scenario: Scenario, stressed: readonly StressedInput[], options: { iterations?: number; seed?: string } = {}): StressResult {
  if (stressed.length === 0) throw new ScenarioError([{ path: "stress", message: "expected at least one input to stress" }], "stress");
  const iterations = options.iterations ?? Math.min(scenario.simulation.iterations, 10_000);
  const seed = options.seed ?? scenario.simulation.seed;
  const base = compileScenario(scenario, seed);
  const tail = compileScenario(scenario, seed);
  stressed.forEach((s, k) => tail.inputs.stress(s.key, s.lo, s.hi, `stress[${k}]`));
  const a = simulateRange(base, 0, iterations).columns;
  const b = simulateRange(tail, 0, iterations).columns;
  const figure = (k: number) => paired(a[k], b[k]);
  const layout = base.layout;
  return {
    scenario: scenario.id,
    iterations,
    seed,
    stressed: [...stressed],
    options: base.options.map((o, oi) => {
      const out: StressResult["options"][number] = { id: o.id, totalCost: figure(layout.horizon(oi, "totalCost")) };
      if (o.failWhenReservesBelow !== null) {
        const fails = (cols: Float64Array[]) => share(cols[layout.failedBy(oi, base.years - 1)]);
        out.probabilityFails = { unstressed: fails(a), stressed: fails(b) };
        out.plans = plansOf(base).map((p, pi) => ({ id: p, totalCost: figure(layout.plan(oi, pi, "totalCost")) }));
      }
      return out;
    }),
    note: "GBP nominal over the horizon; prior futures (not conditioned on evidence); difference = stressed - unstressed per iteration, its standard error from the paired differences.",
  };
}

function plansOf(c: CompiledScenario): string[] {
  return c.contingencyPlans.map((p) => p.id);
}

function share(x: Float64Array): number {
  let n = 0;
  for (const v of x) n += v;
  return n / x.length;
}

function paired(a: Float64Array, b: Float64Array): StressFigure {
  const n = a.length;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i];
    sb += b[i];
  }
  const mean = (sb - sa) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (b[i] - a[i] - mean) ** 2;
  const p90 = (x: Float64Array) => quantileSorted(Float64Array.from(x).sort(), 0.9);
  return {
    unstressed: { mean: toPence(sa / n), p90: toPence(p90(a)) },
    stressed: { mean: toPence(sb / n), p90: toPence(p90(b)) },
    difference: { mean: toPence(mean), se: toPence(Math.sqrt(ss / (n - 1) / n)) },
  };
}
