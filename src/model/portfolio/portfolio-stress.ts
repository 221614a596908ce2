import { quantileSorted } from "../../engine/index.ts";
import { ScenarioError } from "../quantities/scenario-error.ts";
import type { Scenario } from "../scenario/scenario-schema.ts";
import { compileScenario } from "../inputs/compile-scenario.ts";
import type { StressedInput } from "../analysis/stress.ts";
import { OutcomeLayout } from "./member-outcomes.ts";
import type { LoadedPortfolio } from "./loaded-portfolio.ts";
import type { PortfolioExecutor, PortfolioTask } from "./portfolio-task.ts";

/** Each plan's cost to the public purse (DfE and councils, all members) unstressed and stressed on the same futures. */
export interface PortfolioStress {
  inputs: StressedInput[];
  /** Members that have the stressed inputs (others are simulated unchanged). */
  members: string[];
  plans: { id: string; unstressed: { mean: number; p90: number }; stressed: { mean: number; p90: number }; difference: { mean: number; se: number } }[];
}

/**
 * Stress for a portfolio: the outcome tasks rerun with the chosen inputs held in their tails in
 * every member that has them (InputSampler.stress), on the same positions, lanes and national
 * futures as the unstressed run, so conditioning is done once and each plan's cost is paired
 * iteration by iteration.
 */
export async function stressPortfolio(
  loaded: LoadedPortfolio,
  inputs: readonly StressedInput[],
  tasks: readonly PortfolioTask[],
  outcomes: Float64Array[][],
  iterations: number,
  merge: (tasks: readonly PortfolioTask[], parts: Awaited<ReturnType<PortfolioExecutor>>) => Float64Array[][],
  execute: PortfolioExecutor,
): Promise<PortfolioStress> {
  const members = loaded.sources.flatMap((s) => (s.kind === "scenario" && inputs.every((i) => hasInput(s.scenario, i.key)) ? [s.scenario.id] : []));
  if (members.length === 0) {
    throw new ScenarioError([{ path: "stress", message: `no member has every input ${inputs.map((i) => `'${i.key}'`).join(", ")} to stress` }], loaded.portfolio.id);
  }
  const stressedTasks = tasks.map((t) =>
    t.source.kind === "scenario" && members.includes(t.source.scenario.id) ? { ...t, source: { ...t.source, stress: [...inputs] } } : t,
  );
  const stressed = merge(stressedTasks, await execute(stressedTasks));
  const plans = loaded.portfolio.plans.map((plan, p) => {
    const total = (columns: Float64Array[][]) => {
      const out = new Float64Array(iterations);
      columns.forEach((member, m) => {
        const years = loaded.sources[m].kind === "scenario" ? (loaded.sources[m] as { scenario: { years: number } }).scenario.years : (loaded.sources[m] as { years: number }).years;
        const layout = new OutcomeLayout(loaded.portfolio.plans.length, years);
        const dfe = member[layout.planCost(p, "dfe")];
        const council = member[layout.planCost(p, "council")];
        for (let j = 0; j < iterations; j++) out[j] += dfe[j] + council[j];
      });
      return out;
    };
    return { id: plan.id, ...paired(total(outcomes), total(stressed)) };
  });
  return { inputs: [...inputs], members, plans };
}

function hasInput(scenario: Scenario, key: string): boolean {
  return compileScenario(scenario).inputs.uncertainInputs().some((input) => input.key === key && input.width === 1);
}

function paired(a: Float64Array, b: Float64Array) {
  const n = a.length;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) (sa += a[i]), (sb += b[i]);
  const mean = (sb - sa) / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (b[i] - a[i] - mean) ** 2;
  const p90 = (x: Float64Array) => Math.round(quantileSorted(Float64Array.from(x).sort(), 0.9));
  return {
    unstressed: { mean: Math.round(sa / n), p90: p90(a) },
    stressed: { mean: Math.round(sb / n), p90: p90(b) },
    difference: { mean: Math.round(mean), se: Math.round(Math.sqrt(ss / (n - 1) / n)) },
  };
}
