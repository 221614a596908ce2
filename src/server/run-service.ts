import { randomUUID } from "node:crypto";
import { applyOverrides, checkInputContract, ScenarioError, validateScenario, type InputProblem } from "../model/index.ts";
import { HttpError } from "./http-error.ts";
import type { RunQueue } from "./run-queue.ts";
import type { RunQuotas } from "./run-quotas.ts";
import type { RunRecord, RunStore } from "./run-store.ts";
import type { ScenarioCatalog } from "./scenario-catalog.ts";

/** A request to run a scenario, as POST /runs receives it (already shape-checked by its route schema). */
export interface RunRequest {
  scenarioId?: string;
  scenario?: Record<string, unknown>;
  iterations?: number;
  seed?: string;
  overrides?: Record<string, unknown>;
}

/**
 * Starting, reading and stopping runs for an owner: the checks in the order that keeps each
 * request's work bounded (input contract, validation, limits, quotas), then the queue.
 */
export class RunService {
  constructor(
    private readonly store: RunStore,
    private readonly queue: RunQueue,
    private readonly catalog: ScenarioCatalog,
    private readonly quotas: RunQuotas,
    private readonly maxIterations: number,
  ) {}

  /** Validates and starts a run; returns it with the scenario's authoring warnings. Throws ScenarioError (400) or HttpError. */
  submit(owner: string, body: RunRequest): { run: RunRecord; warnings: InputProblem[] } {
    let base: unknown;
    if (body.scenarioId !== undefined) {
      base = this.catalog.get(body.scenarioId);
      if (base === null) throw new HttpError(400, `scenarioId: no scenario with id '${body.scenarioId}' (GET /scenarios lists them)`);
    } else {
      base = body.scenario;
      const problems = checkInputContract(base, ["scenario"]);
      if (problems.length > 0) throw new ScenarioError(problems, "scenario");
    }
    if (body.overrides) {
      const problems = checkInputContract(body.overrides, ["overrides"]);
      if (problems.length > 0) throw new ScenarioError(problems, "overrides");
    }
    const data = body.overrides ? applyOverrides(base, body.overrides) : base;
    const { scenario, warnings } = validateScenario(data, body.scenario ? "scenario" : `scenario '${body.scenarioId}'`);
    const iterations = body.iterations ?? scenario.simulation.iterations;
    if (iterations > this.maxIterations) {
      throw new HttpError(400, `iterations: expected at most ${this.maxIterations.toLocaleString("en-GB")}, got ${iterations.toLocaleString("en-GB")}`);
    }
    this.quotas.admit(owner);
    if (!this.queue.hasCapacity()) {
      throw new HttpError(429, `${this.queue.running} runs are already going, the most this server runs at once; try again shortly`, { "retry-after": "5" });
    }
    const run = this.store.create({
      id: randomUUID(),
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      iterations,
      seed: body.seed ?? scenario.simulation.seed,
      scenario,
      owner,
    });
    this.queue.start(run.id, scenario, run.iterations, run.seed, owner, { createdAt: run.createdAt, base: this.catalog.get(scenario.id) });
    return { run, warnings };
  }

  /** The owner's run, or a 404 that does not say whether someone else's exists. */
  get(owner: string, id: string): RunRecord {
    const run = this.store.get(id, owner);
    if (run === null) throw new HttpError(404, `no run with id '${id}'`);
    return run;
  }

  /** Cancels the owner's run if it is going (returns it, cancelled), or deletes it if finished (returns null). */
  cancelOrDelete(owner: string, id: string): RunRecord | null {
    const run = this.get(owner, id);
    if (run.status === "queued" || run.status === "running") {
      this.queue.cancel(id);
      this.store.cancel(id, "cancelled by its owner");
      return this.store.get(id);
    }
    this.store.delete(id);
    return null;
  }

  /** Retention after a run finishes, for its owner. */
  retain(id: string): void {
    const owner = this.store.owner(id);
    if (owner !== null) this.quotas.retain(owner);
  }
}
