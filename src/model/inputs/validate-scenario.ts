import { evidenceCatalog } from "../evidence/evidence-catalog.ts";
import type { EvidenceRecord } from "../evidence/evidence-record-schema.ts";
import { compileScenario } from "./compile-scenario.ts";
import { ScenarioError, problemsFromZod, type InputProblem } from "../quantities/scenario-error.ts";
import { authoringChecks } from "../scenario/authoring-checks.ts";
import { checkCorrelationShape, checkInputContract } from "../scenario/input-contract.ts";
import { scenarioSchema, type Scenario } from "../scenario/scenario-schema.ts";

/** A scenario that passed every check, with what a careful reader would still query. */
export interface ValidatedScenario {
  scenario: Scenario;
  warnings: InputProblem[];
}

export interface ValidateOptions {
  /** The seeds/ records sources may cite (default: the repository's seeds/). */
  evidence?: ReadonlyMap<string, EvidenceRecord>;
  /** Adds file positions to problems and warnings (YAML line and column). */
  locate?: (problems: InputProblem[]) => InputProblem[];
  /**
   * False skips the authoring checks (ranges, plausibility, cited records): for probes that step
   * outside plausible values on purpose, such as a switching-value search. Default true.
   */
  authoring?: boolean;
  /**
   * False leaves the records named by `evidence:` items unchecked, for callers that condition on
   * records of their own (runForecast refuses any it is not given). Default true: a file and a
   * service request are conditioned on seeds/, so they are checked against it.
   */
  evidenceItems?: boolean;
}

/**
 * Validates raw scenario data (from a file or an HTTP body) in the order that keeps the work
 * bounded: the structural contract (depth, sizes, finite numbers, correlation caps), then zod,
 * then the authoring checks (ranges by field, distribution parameters, seeds/ records), then
 * compilation (what needs the whole scenario). Everything a run would trip over is refused here,
 * so `validate` and `run` agree. Throws ScenarioError.
 */
export function validateScenario(data: unknown, name = "scenario", options: ValidateOptions = {}): ValidatedScenario {
  const locate = options.locate ?? ((p: InputProblem[]) => p);
  const fail = (problems: InputProblem[]): never => {
    throw new ScenarioError(locate(problems), name);
  };
  const structural = [...checkInputContract(data), ...checkCorrelationShape(data)];
  if (structural.length > 0) fail(structural);
  const result = scenarioSchema.safeParse(data);
  if (!result.success) fail(problemsFromZod(result.error.issues, data));
  const scenario = result.data!;
  const { problems, warnings } =
    options.authoring === false ? { problems: [], warnings: [] } : authoringChecks(scenario, options.evidence ?? evidenceCatalog(), { evidenceItems: options.evidenceItems ?? true });
  if (problems.length > 0) fail(problems);
  try {
    // Checks what needs the whole scenario (yearly lists against the horizon, correlated inputs).
    // As Monte Carlo: Latin hypercube's quantile tables take seconds to build, and belong in the run's worker.
    compileScenario({ ...scenario, simulation: { ...scenario.simulation, sampling: "monte-carlo" } });
  } catch (error) {
    if (error instanceof ScenarioError) fail(error.problems);
    throw error;
  }
  return { scenario, warnings: locate(warnings) };
}
