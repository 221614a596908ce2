import { Welford } from "../../engine/index.ts";
import { applyOverrides } from "../scenario/apply-overrides.ts";
import { compileScenario } from "../inputs/compile-scenario.ts";
import { simulateBlocks } from "../simulation/simulate.ts";
import { validateScenario } from "../inputs/validate-scenario.ts";
import { toPence } from "../quantities/money.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";

export interface SwitchingValueRequest {
  /** The input, by its key in the assumptions list ("options.trust.overheads.governance"). */
  input: string;
  a: string;
  b: string;
  /** Where to look for the switch; default: the input's P1 to P99 widened by half their span. */
  low?: number;
  high?: number;
  iterations?: number;
  seed?: string;
}

export interface SwitchingValue {
  input: string;
  /** The input value at which a and b cost the same on average over the horizon (nominal). */
  value: number;
  /** Its approximate standard error: se of the mean difference there over the slope. */
  se: number;
  /** Mean difference a - b at that value, GBP, with its standard error (should be about 0). */
  meanDifference: number;
  meanDifferenceSe: number;
  /** GBP of mean difference per unit of the input, near the switch. */
  slope: number;
  bracket: [number, number];
  evaluations: number;
  iterations: number;
}

/** Mean and standard error of total cost a - b over `iterations`, the input fixed at `value`. */
function meanDifference(scenario: Scenario, req: SwitchingValueRequest, value: number, iterations: number, seed: string): { mean: number; se: number } {
  // A probe, not an authored input: the search may step outside plausible values (a negative cost), so no authoring checks.
  const fixed = validateScenario(applyOverrides(scenario, { [req.input]: value }), "switching value", { authoring: false, evidenceItems: false }).scenario;
  const compiled = compileScenario(fixed, seed);
  const a = compiled.layout.horizon(fixed.options.findIndex((o) => o.id === req.a), "totalCost");
  const b = compiled.layout.horizon(fixed.options.findIndex((o) => o.id === req.b), "totalCost");
  const w = new Welford();
  simulateBlocks(compiled, 0, iterations, {
    accept(columns, _start, count) {
      for (let i = 0; i < count; i++) w.push(columns[a][i] - columns[b][i]);
    },
  });
  return { mean: w.mean, se: w.standardError };
}

/** The input's P1 and P99 over the scenario's own draws. */
function defaultBracket(scenario: Scenario, input: string, seed: string): [number, number] {
  const compiled = compileScenario(scenario, seed);
  const found = compiled.inputs.uncertainInputs().find((x) => x.key === input);
  const known = compiled.inputs.assumptions.some((x) => x.key === input);
  if (!known) throw new ScenarioError([{ path: "input", message: `expected an input of this scenario (see its assumptions), got '${input}'` }], "switching value");
  if (found === undefined) throw new ScenarioError([{ path: "low", message: `'${input}' is a constant: give --low and --high to search between` }], "switching value");
  const draws = Array.from(compiled.inputs.slotValues(found.slot, 2000));
  draws.sort((x, y) => x - y);
  const [p1, p99] = [draws[20], draws[1979]];
  const span = Math.max(p99 - p1, Math.abs(p1) * 0.1, 1e-9);
  return [p1 - span / 2, p99 + span / 2];
}

/**
 * The switching value of an input: the value at which options a and b cost the same on average
 * over the horizon, on common random numbers (every evaluation sees the same futures, so the
 * mean difference is a smooth function of the input). Illinois regula falsi, which keeps a
 * bracket and converges quickly on the near-linear responses money inputs give.
 */
export function switchingValue(scenario: Scenario, req: SwitchingValueRequest): SwitchingValue {
  const seed = req.seed ?? scenario.simulation.seed;
  const iterations = req.iterations ?? Math.min(scenario.simulation.iterations, 5000);
  for (const [field, id] of [["a", req.a], ["b", req.b]] as const) {
    if (!scenario.options.some((o) => o.id === id)) {
      throw new ScenarioError([{ path: field, message: `expected one of the options ${scenario.options.map((o) => o.id).join(", ")}, got '${id}'` }], "switching value");
    }
  }
  let [lo, hi] = req.low !== undefined && req.high !== undefined ? [req.low, req.high] : defaultBracket(scenario, req.input, seed);
  const f = (v: number) => meanDifference(scenario, req, v, iterations, seed);
  let flo = f(lo).mean;
  let fhi = f(hi).mean;
  let evaluations = 2;
  if (flo !== 0 && fhi !== 0 && Math.sign(flo) === Math.sign(fhi)) {
    throw new ScenarioError([{ path: "low", message: `no switch between ${lo} and ${hi}: ${req.a} minus ${req.b} is GBP ${toPence(flo)} at one end and ${toPence(fhi)} at the other; widen --low/--high` }], "switching value");
  }
  const bracket: [number, number] = [lo, hi];
  let side = 0;
  let x = flo === 0 ? lo : hi;
  const tolerance = Math.max(Math.abs(hi - lo), 1) * 1e-13;
  for (let step = 0; step < 200 && flo !== 0 && fhi !== 0; step++) {
    x = (lo * fhi - hi * flo) / (fhi - flo);
    const fx = f(x).mean;
    evaluations++;
    if (fx === 0 || Math.abs(hi - lo) < tolerance) break;
    if (Math.sign(fx) === Math.sign(fhi)) {
      hi = x;
      fhi = fx;
      if (side === -1) flo /= 2;
      side = -1;
    } else {
      lo = x;
      flo = fx;
      if (side === 1) fhi /= 2;
      side = 1;
    }
  }
  const at = f(x);
  const h = Math.max(Math.abs(x) * 1e-6, 1e-6);
  const slope = (f(x + h).mean - f(x - h).mean) / (2 * h);
  evaluations += 3;
  return {
    input: req.input,
    value: x,
    se: slope !== 0 ? at.se / Math.abs(slope) : Infinity,
    meanDifference: toPence(at.mean),
    meanDifferenceSe: toPence(at.se),
    slope,
    bracket,
    evaluations,
    iterations,
  };
}
