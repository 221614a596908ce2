import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Results } from "../model/index.ts";
import { resultsCsv, resultsDocx, resultsHtml, resultsXlsx } from "../report/index.ts";
import { progressPage } from "./web/progress-page.ts";
import type { ReportService } from "./web/report-service.ts";
import { HttpError } from "./http-error.ts";
import type { RunStore } from "./run-store.ts";
import { runOr404 } from "./runs-routes.ts";
import { errorSchema } from "./schemas.ts";

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
export const reportRoutes: FastifyPluginAsyncZod<{ store: RunStore; reports: ReportService }> = async (app, { store, reports }) => {
  app.get(
    "/runs/:id/report",
    {
      schema: {
        tags: ["reports"],
        description:
          "An HTML page: summary, plan tables, charts, the tornado for the pair in `between` (a,b), assumptions. While the run is going a browser (Accept: text/html) gets a page with live progress instead of the 409.",
        params,
        querystring: z.object({ between: z.string().max(200).optional() }),
        response: { 200: z.string(), 202: z.string(), ...failures },
      },
    },
    async (request, reply) => {
      const run = runOr404(store, request.params.id);
      if (run.status !== "done" && /text\/html/.test(request.headers.accept ?? "")) {
        return reply.code(run.status === "failed" ? 200 : 202).type("text/html; charset=utf-8").send(progressPage(run));
      }
      const results = finishedResults(store, request.params.id);
      reply.type("text/html; charset=utf-8");
      return resultsHtml(results, await reports.meta(run, results, request.query.between));
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
      const buffer = await resultsXlsx(results, await reports.meta(runOr404(store, request.params.id), results));
      reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${results.scenario.id}-${request.params.id.slice(0, 8)}.xlsx"`);
      return reply.send(buffer);
    },
  );

  app.get(
    "/runs/:id/results.docx",
    { schema: { tags: ["reports"], description: "A Word annex for a cabinet paper: question, options, summary, tables, charts, assumptions, how to reproduce.", params, response: { 200: z.any(), ...failures } } },
    async (request, reply) => {
      const results = finishedResults(store, request.params.id);
      const buffer = await resultsDocx(results, await reports.meta(runOr404(store, request.params.id), results));
      reply
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .header("content-disposition", `attachment; filename="${results.scenario.id}-${request.params.id.slice(0, 8)}.docx"`);
      return reply.send(buffer);
    },
  );
};
