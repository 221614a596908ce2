import { randomUUID } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { applyOverrides, parseScenario, type Scenario } from "../model/index.ts";
import { HttpError } from "./http-error.ts";
import type { RunQueue } from "./run-queue.ts";
import type { RunRecord, RunStore } from "./run-store.ts";
import type { ScenarioCatalog } from "./scenario-catalog.ts";
import { errorSchema, runListQuerySchema, runListSchema, runRecordSchema, runRequestSchema, runWithResultsSchema } from "./schemas.ts";

export interface RunsRoutesOptions {
  store: RunStore;
  queue: RunQueue;
  catalog: ScenarioCatalog;
  maxIterations: number;
}

/** Links a client follows from a run. */
export function withLinks(run: RunRecord) {
  const self = `/runs/${run.id}`;
  return { ...run, links: { self, report: `${self}/report`, csv: `${self}/results.csv`, xlsx: `${self}/results.xlsx` } };
}

/** The stored run or a 404. */
export function runOr404(store: RunStore, id: string): RunRecord {
  const run = store.get(id);
  if (run === null) throw new HttpError(404, `no run with id '${id}'`);
  return run;
}

/** POST /runs, GET /runs, GET /runs/:id. */
export const runsRoutes: FastifyPluginAsyncZod<RunsRoutesOptions> = async (app, { store, queue, catalog, maxIterations }) => {
  app.post(
    "/runs",
    {
      schema: {
        tags: ["runs"],
        description: "Start a run of a shipped scenario (scenarioId) or an inline one (scenario); answers 202 at once.",
        body: runRequestSchema,
        response: { 202: runRecordSchema, 400: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      let base: unknown;
      if (body.scenarioId !== undefined) {
        base = catalog.get(body.scenarioId);
        if (base === null) throw new HttpError(400, `scenarioId: no scenario with id '${body.scenarioId}' (GET /scenarios lists them)`);
      } else {
        base = body.scenario;
      }
      const data = body.overrides ? applyOverrides(base, body.overrides) : base;
      const scenario: Scenario = parseScenario(data, body.scenario ? "scenario" : `scenario '${body.scenarioId}'`);
      const iterations = body.iterations ?? scenario.simulation.iterations;
      if (iterations > maxIterations) {
        throw new HttpError(400, `iterations: expected at most ${maxIterations.toLocaleString("en-GB")}, got ${iterations.toLocaleString("en-GB")}`);
      }
      if (!queue.hasCapacity()) {
        throw new HttpError(429, `${queue.running} runs are already going, the most this server runs at once; try again shortly`, { "retry-after": "5" });
      }
      const run = store.create({
        id: randomUUID(),
        scenarioId: scenario.id,
        scenarioTitle: scenario.title,
        iterations,
        seed: body.seed ?? scenario.simulation.seed,
        scenario,
      });
      queue.start(run.id, scenario, run.iterations, run.seed);
      reply.code(202).header("location", `/runs/${run.id}`);
      return withLinks(run);
    },
  );

  app.get(
    "/runs",
    { schema: { tags: ["runs"], description: "Run history, newest first.", querystring: runListQuerySchema, response: { 200: runListSchema } } },
    async (request) => {
      const { offset, limit } = request.query;
      const { total, runs } = store.list(offset, limit);
      return { total, offset, limit, runs: runs.map(withLinks) };
    },
  );

  app.get(
    "/runs/:id",
    {
      schema: {
        tags: ["runs"],
        description: "A run's status and progress, and its results (the CLI's JSON) once done.",
        params: z.object({ id: z.string().max(200) }),
        response: { 200: runWithResultsSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const run = withLinks(runOr404(store, request.params.id));
      const results = run.status === "done" ? store.resultsJson(run.id) : null;
      if (results === null) return run;
      // The stored results are already JSON: splice them in rather than parse and re-serialise a megabyte.
      const head = JSON.stringify(run);
      reply.type("application/json; charset=utf-8");
      return reply.send(`${head.slice(0, -1)},"results":${results}}` as never);
    },
  );
};
