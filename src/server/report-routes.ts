import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Results } from "../model/index.ts";
import { resultsCsv, resultsHtml, resultsXlsx } from "../report/index.ts";
import { HttpError } from "./http-error.ts";
import type { Artifact, RunStore } from "./run-store.ts";
import type { RunService } from "./run-service.ts";
import { errorSchema } from "./schemas.ts";
import { VERSION } from "./version.ts";

const params = z.object({ id: z.string().max(200) });
const failures = { 404: errorSchema, 409: errorSchema };

/**
 * A finished run's download as stored when it finished (built in the run's worker). Runs stored
 * before downloads were kept get theirs built once, on first request, and stored.
 */
async function download(store: RunStore, runs: RunService, owner: string, id: string, kind: "report" | "csv" | "xlsx"): Promise<{ artifact: Artifact; scenarioId: string }> {
  const run = runs.get(owner, id);
  if (run.status !== "done") {
    throw new HttpError(409, `run '${id}' is ${run.status}${run.error ? ` (${run.error})` : ""}: results exist once it is done`);
  }
  const stored = store.artifact(id, kind);
  if (stored) return { artifact: stored, scenarioId: run.scenarioId };
  const results = JSON.parse(store.resultsJson(id)!) as Results;
  const text = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
  const tornado = store.sensitivityJson(id);
  const artifact: Artifact =
    kind === "report"
      ? { kind, contentType: "text/html; charset=utf-8", data: text(resultsHtml(results, { runId: id, version: VERSION, sensitivity: tornado === null ? undefined : JSON.parse(tornado) })) }
      : kind === "csv"
        ? { kind, contentType: "text/csv; charset=utf-8", data: text(resultsCsv(results)) }
        : { kind, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data: await resultsXlsx(results, { runId: id, version: VERSION, scenario: store.scenario(id) }) };
  store.putArtifact(id, artifact);
  return { artifact, scenarioId: run.scenarioId };
}

/** GET /runs/:id/report (HTML), /results.csv and /results.xlsx, served from storage. */
export const reportRoutes: FastifyPluginAsyncZod<{ store: RunStore; runs: RunService }> = async (app, { store, runs }) => {
  const serve = (kind: "report" | "csv" | "xlsx", extension?: string) =>
    async (request: { owner: string; params: { id: string } }, reply: import("fastify").FastifyReply) => {
      const { artifact, scenarioId } = await download(store, runs, request.owner, request.params.id, kind);
      reply.type(artifact.contentType);
      if (extension) reply.header("content-disposition", `attachment; filename="${scenarioId}-${request.params.id.slice(0, 8)}.${extension}"`);
      return reply.send(Buffer.from(artifact.data.buffer, artifact.data.byteOffset, artifact.data.byteLength));
    };

  app.get(
    "/runs/:id/report",
    { schema: { tags: ["reports"], description: "An HTML page: per-year table, fan charts, the cost-difference histogram, the tornado, failure curves.", params, response: { 200: z.any(), ...failures } } },
    serve("report"),
  );
  app.get("/runs/:id/results.csv", { schema: { tags: ["reports"], params, response: { 200: z.any(), ...failures } } }, serve("csv", "csv"));
  app.get("/runs/:id/results.xlsx", { schema: { tags: ["reports"], params, response: { 200: z.any(), ...failures } } }, serve("xlsx", "xlsx"));
};
