import type { MoneySummary, Results } from "../simulation/results.ts";
import { runScenarioAsync, type RunOptions } from "../simulation/run-scenario.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";

export interface PrecisionReport {
  /** What was watched: the first comparison's horizon cost difference, or the first option's horizon cost. */
  output: string;
  tolerance: number;
  iterations: number;
  met: boolean;
  /** 95% half-widths relative to the value: 1.96 se / |mean|, and half the P90 interval / |P90|. */
  meanRelativeHalfWidth: number;
  p90RelativeHalfWidth: number;
  steps: { iterations: number; meanRelativeHalfWidth: number; p90RelativeHalfWidth: number }[];
}

function watched(r: Results): { name: string; s: MoneySummary } {
  const c = r.comparisons[0];
  if (c) return { name: `${c.a} minus ${c.b}, horizon total cost`, s: c.totalCostDifference };
  return { name: `${r.options[0].id}, horizon total cost`, s: r.options[0].horizon.totalCost };
}

const relative = (halfWidth: number, value: number) => (value === 0 ? (halfWidth === 0 ? 0 : Infinity) : halfWidth / Math.abs(value));

/**
 * Doubles the iterations (from `start`) until the 95% intervals of the watched output's mean and
 * P90 are within `tolerance` of their values, or `max` is reached. Each step is an ordinary run
 * (same seed), so the last one is reproducible on its own with --iterations.
 */
export async function runToPrecision(
  scenario: Scenario,
  tolerance: number,
  options: RunOptions & { start?: number; max?: number } = {},
): Promise<{ results: Results; precision: PrecisionReport }> {
  if (!(tolerance > 0)) throw new RangeError("runToPrecision requires a positive tolerance");
  const max = options.max ?? 1_000_000;
  let iterations = Math.min(max, options.start ?? scenario.simulation.iterations);
  const steps: PrecisionReport["steps"] = [];
  for (;;) {
    const results = await runScenarioAsync(scenario, { ...options, iterations });
    const { name, s } = watched(results);
    const step = {
      iterations,
      meanRelativeHalfWidth: relative(1.959963984540054 * s.se, s.mean),
      p90RelativeHalfWidth: relative((s.ci95.p90[1] - s.ci95.p90[0]) / 2, s.p90),
    };
    steps.push(step);
    const met = step.meanRelativeHalfWidth <= tolerance && step.p90RelativeHalfWidth <= tolerance;
    if (met || iterations >= max) {
      return { results, precision: { output: name, tolerance, iterations, met, meanRelativeHalfWidth: step.meanRelativeHalfWidth, p90RelativeHalfWidth: step.p90RelativeHalfWidth, steps } };
    }
    iterations = Math.min(max, iterations * 2);
  }
}
