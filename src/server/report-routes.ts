import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Results } from "../model/index.ts";
import { resultsCsv, resultsHtml, resultsXlsx } from "../report/index.ts";
import { HttpError } from "./http-error.ts";
import type { RunStore } from "./run-store.ts";
import { runOr404 } from "./runs-routes.ts";
import { errorSchema } from "./schemas.ts";
import { VERSION } from "./version.ts";

/** The results of a finished run, or a 404 (unknown) or 409 (not finished) that says which. */
function finishedResults(store: RunStore, id: string): Results {
  const run = runOr404(store, id);
  const json = run.status === "done" ? store.resultsJson(id) : null;
  if (json === null) {
    throw new HttpError(409, `run '${id}' is ${run.status}${run.error ? ` (${run.error})` : ""}: results exist once it is done`);
  }
  return JSON.parse(json) as Results;
}

const params = z.object({ id: z.string().max(200) });
const failures = { 404: errorSchema, 409: errorSchema };

/** GET /runs/:id/report (HTML), /results.csv and /results.xlsx. */
export const reportRoutes: FastifyPluginAsyncZod<{ store: RunStore }> = async (app, { store }) => {
  app.get(
    "/runs/:id/report",
    { schema: { tags: ["reports"], description: "An HTML page: per-year table, fan charts, the cost-difference histogram, the tornado, failure curves.", params, response: { 200: z.string(), ...failures } } },
    async (request, reply) => {
      const results = finishedResults(store, request.params.id);
      reply.type("text/html; charset=utf-8");
      const tornado = store.sensitivityJson(request.params.id);
      return resultsHtml(results, { runId: request.params.id, version: VERSION, sensitivity: tornado === null ? undefined : JSON.parse(tornado) });
    },
  );

  app.get(
    "/runs/:id/results.csv",
    { schema: { tags: ["reports"], params, response: { 200: z.string(), ...failures } } },
    async (request, reply) => {
      const results = finishedResults(store, request.params.id);
      reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${results.scenario.id}-${request.params.id.slice(0, 8)}.csv"`);
      return resultsCsv(results);
    },
  );

  app.get(
    "/runs/:id/results.xlsx",
    { schema: { tags: ["reports"], params, response: { 200: z.any(), ...failures } } },
    async (request, reply) => {
      const results = finishedResults(store, request.params.id);
      const buffer = await resultsXlsx(results, { runId: request.params.id, version: VERSION, scenario: store.scenario(request.params.id) });
      reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${results.scenario.id}-${request.params.id.slice(0, 8)}.xlsx"`);
      return reply.send(buffer);
    },
  );
};
