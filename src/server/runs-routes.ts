import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RunRecord, RunStore } from "./run-store.ts";
import type { RunService } from "./run-service.ts";
import { errorSchema, runAcceptedSchema, runListQuerySchema, runListSchema, runRecordSchema, runRequestSchema, runWithResultsSchema } from "./schemas.ts";

export interface RunsRoutesOptions {
  store: RunStore;
  runs: RunService;
}

/** Links a client follows from a run. */
export function withLinks(run: RunRecord) {
  const self = `/runs/${run.id}`;
  return { ...run, links: { self, report: `${self}/report`, csv: `${self}/results.csv`, xlsx: `${self}/results.xlsx`, docx: `${self}/results.docx` } };
}

const params = z.object({ id: z.string().max(200) });

/** POST /runs, GET /runs, GET /runs/:id, DELETE /runs/:id; each sees only the caller's runs. */
export const runsRoutes: FastifyPluginAsyncZod<RunsRoutesOptions> = async (app, { store, runs }) => {
  app.post(
    "/runs",
    {
      schema: {
        tags: ["runs"],
        description: "Start a run of a shipped scenario (scenarioId) or an inline one (scenario); answers 202 at once, with the scenario's authoring warnings.",
        body: runRequestSchema,
        response: { 202: runAcceptedSchema, 400: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const { run, warnings } = runs.submit(request.owner, request.body);
      reply.code(202).header("location", `/runs/${run.id}`);
      return { ...withLinks(run), warnings };
    },
  );

  app.get(
    "/runs",
    { schema: { tags: ["runs"], description: "Your run history, newest first.", querystring: runListQuerySchema, response: { 200: runListSchema } } },
    async (request) => {
      const { offset, limit } = request.query;
      const { total, runs: list } = store.list(offset, limit, request.owner);
      return { total, offset, limit, runs: list.map(withLinks) };
    },
  );

  app.get(
    "/runs/:id",
    {
      schema: {
        tags: ["runs"],
        description: "A run's status and progress, and its results (the CLI's JSON) once done.",
        params,
        response: { 200: runWithResultsSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      // Polled often: the record is serialised once here rather than through the response schema,
      // and stored results (already JSON bytes) are streamed spliced in, never parsed or decoded.
      const run = withLinks(runs.get(request.owner, request.params.id));
      const results = run.status === "done" ? store.resultsBytes(run.id) : null;
      const head = JSON.stringify(run);
      reply.type("application/json; charset=utf-8");
      if (results === null) return reply.send(head as never);
      return reply.send(Readable.from([Buffer.from(`${head.slice(0, -1)},"results":`), results, Buffer.from("}")]) as never);
    },
  );

  app.delete(
    "/runs/:id",
    {
      schema: {
        tags: ["runs"],
        description: "Cancels your run if it is going (its worker is stopped; 200 with the run, cancelled), or deletes it if finished (204).",
        params,
        response: { 200: runRecordSchema, 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      const run = runs.cancelOrDelete(request.owner, request.params.id);
      if (run === null) return reply.code(204).send(null);
      return withLinks(run);
    },
  );
};
