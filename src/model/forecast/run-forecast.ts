import type { Scenario } from "../scenario/scenario-schema.ts";
import type { EvidenceRecord } from "../evidence/evidence-record-schema.ts";
import { compiledFor, runKey } from "../simulation/run-chunk.ts";
import { runScenarioAsync, type RunOptions } from "../simulation/run-scenario.ts";
import type { Results } from "../simulation/results.ts";
import { conditionOnEvidence, conditionWithNational, evidenceItems } from "./condition-on-evidence.ts";
import { nationalObservationsFor } from "./national-evidence.ts";

export interface ForecastOptions extends Omit<RunOptions, "lanes" | "conditioning"> {
  /** Show the unconditioned futures (the evidence is still listed beside their bands). */
  prior?: boolean;
}

/**
 * A run as `trustsim run` makes it: the scenario's futures conditioned on its published evidence
 * (when it lists any), then every year simulated from the conditioned futures, so evidence years
 * show the published figure beside the conditioned band and later years are the forecast.
 */
export async function runForecast(scenario: Scenario, records: ReadonlyMap<string, EvidenceRecord>, options: ForecastOptions = {}): Promise<Results> {
  const iterations = options.iterations ?? scenario.simulation.iterations;
  const seed = options.seed ?? scenario.simulation.seed;
  // The run's own compiled scenario (compiledFor), so the run reuses the model and block buffers
  // conditioning warmed (14 MB for Bradford: fresh pages cost about 3.5 ms a megabyte here).
  const compiled = compiledFor({ key: runKey(scenario, seed), scenario, seed });
  const used = evidenceItems(compiled, records);
  const national = compiled.inputs.hasNationalShocks ? nationalObservationsFor(scenario.startYear, scenario.years) : [];
  if (used.length === 0 && national.length === 0) return runScenarioAsync(scenario, options);
  if (options.prior) {
    const view = { ...conditionOnEvidence(compiled, used, iterations, seed, iterations, false, national), nationalDropped: false };
    const { lanes: _, ...summary } = view;
    return runScenarioAsync(scenario, { ...options, conditioning: { mode: "prior", ...summary } });
  }
  const conditioned = conditionWithNational(compiled, used, iterations, seed, national);
  const { lanes, ...summary } = conditioned;
  return runScenarioAsync(scenario, { ...options, lanes, conditioning: { mode: "conditioned", ...summary } });
}
