import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Results } from "../../model/index.ts";
import { HttpError } from "../http-error.ts";
import type { RunService } from "../run-service.ts";
import type { RunStore } from "../run-store.ts";
import type { ScenarioCatalog } from "../scenario-catalog.ts";
import { errorSchema, slugSchema } from "../schemas.ts";
import { comparePage, type CompareSide } from "./compare-page.ts";
import { homePage } from "./home-page.ts";
import type { ReportService } from "./report-service.ts";
import { streamRunEvents } from "./run-events.ts";
import { scenarioPage } from "./scenario-page.ts";

export interface WebRoutesOptions {
  store: RunStore;
  catalog: ScenarioCatalog;
  /** Runs as their owner sees them: another owner's answer 404. */
  runs: RunService;
  reports: ReportService;
  maxIterations: number;
}

const html = { 200: z.string(), 404: errorSchema, 409: errorSchema };

/** The pages for people: home, a scenario's form, a comparison of two runs, and a run's live progress; each shows only the caller's runs. */
export const webRoutes: FastifyPluginAsyncZod<WebRoutesOptions> = async (app, { store, catalog, runs, reports, maxIterations }) => {
  app.get("/", { schema: { tags: ["pages"], description: "Home page: scenarios and your run history.", response: html } }, async (request, reply) => {
    const { total, runs: list } = store.list(0, 30, request.owner);
    return reply.type("text/html; charset=utf-8").send(homePage(catalog.list(), list, total));
  });

  app.get(
    "/scenario/:id",
    { schema: { tags: ["pages"], description: "A scenario's page: its assumptions as a form, and a run button.", params: z.object({ id: slugSchema }), response: html } },
    async (request, reply) => {
      const scenario = catalog.get(request.params.id);
      if (scenario === null) throw new HttpError(404, `no scenario with id '${request.params.id}'`);
      return reply.type("text/html; charset=utf-8").send(scenarioPage(scenario, await reports.evidenceRecords(), maxIterations));
    },
  );

  app.get(
    "/runs/:id/events",
    { schema: { tags: ["runs"], description: "Server-sent events: the run's status and progress until it ends.", params: z.object({ id: z.string().max(200) }) } },
    async (request, reply) => {
      runs.get(request.owner, request.params.id);
      streamRunEvents(store, request.params.id, reply);
    },
  );

  app.get(
    "/compare",
    {
      schema: {
        tags: ["pages"],
        description: "Two finished runs side by side, with the difference.",
        querystring: z.object({ a: z.string().max(200), b: z.string().max(200).optional() }),
        response: html,
      },
    },
    async (request, reply) => {
      const { a, b } = request.query;
      if (b === undefined) return reply.redirect("/#compare");
      const side = async (id: string): Promise<CompareSide> => {
        const run = runs.get(request.owner, id);
        const json = run.status === "done" ? store.resultsJson(id) : null;
        if (json === null) throw new HttpError(409, `run '${id}' is ${run.status}: it can be compared once it is done`);
        return { id, results: JSON.parse(json) as Results, changes: reports.changes(run) };
      };
      return reply.type("text/html; charset=utf-8").send(comparePage(await side(a), await side(b)));
    },
  );
};
