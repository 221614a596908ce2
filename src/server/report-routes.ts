import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Results } from "../model/index.ts";
import { HttpError } from "./http-error.ts";
import { buildArtifact, comparisonPairs, type ArtifactKind } from "./report-artifacts.ts";
import type { Artifact, RunRecord, RunStore } from "./run-store.ts";
import type { RunService } from "./run-service.ts";
import { errorSchema } from "./schemas.ts";
import { progressPage } from "./web/progress-page.ts";
import type { ReportService } from "./web/report-service.ts";

const params = z.object({ id: z.string().max(200) });
const failures = { 404: errorSchema, 409: errorSchema };
const EXTENSIONS: Partial<Record<ArtifactKind, string>> = { csv: "csv", xlsx: "xlsx", docx: "docx" };

/** A 409 for a run that has no results yet (or never will), saying why. */
const notDone = (run: RunRecord) => new HttpError(409, `run '${run.id}' is ${run.status}${run.error ? ` (${run.error})` : ""}: results exist once it is done`);

/**
 * GET /runs/:id/report (HTML), /results.csv, /results.xlsx and /results.docx of the caller's own
 * runs (another owner's answer 404), served as stored when the run finished: its worker built
 * them. A report explaining another pair of options (`between`), and any download of a run stored
 * before downloads were kept, is built once, on first request, and stored.
 */
export const reportRoutes: FastifyPluginAsyncZod<{ store: RunStore; runs: RunService; reports: ReportService }> = async (app, { store, runs, reports }) => {
  async function download(run: RunRecord, kind: ArtifactKind, between?: string): Promise<Artifact> {
    if (run.status !== "done") throw notDone(run);
    let results: Results | null = null;
    const load = () => (results ??= JSON.parse(store.resultsJson(run.id)!) as Results);
    // The stored report explains the first pair; another pair's report is stored under its own name.
    const name = kind === "report" && between !== undefined && comparisonPairs(load()).indexOf(between) > 0 ? `report:${between}` : kind;
    const stored = store.artifact(run.id, name);
    if (stored) return stored;
    const artifact = await buildArtifact(kind, load(), await reports.meta(run, load(), name === kind ? undefined : between));
    store.putArtifact(run.id, { ...artifact, kind: name });
    return artifact;
  }

  const send = (reply: FastifyReply, run: RunRecord, artifact: Artifact, kind: ArtifactKind) => {
    reply.type(artifact.contentType);
    const extension = EXTENSIONS[kind];
    if (extension) reply.header("content-disposition", `attachment; filename="${run.scenarioId}-${run.id.slice(0, 8)}.${extension}"`);
    return reply.send(Buffer.from(artifact.data.buffer, artifact.data.byteOffset, artifact.data.byteLength));
  };

  const serve = (kind: ArtifactKind) => async (request: { owner: string; params: { id: string } }, reply: FastifyReply) => {
    const run = runs.get(request.owner, request.params.id);
    return send(reply, run, await download(run, kind), kind);
  };

  app.get(
    "/runs/:id/report",
    {
      schema: {
        tags: ["reports"],
        description:
          "An HTML page: summary, plan tables, charts, the tornado for the pair in `between` (a,b), assumptions. While the run is going a browser (Accept: text/html) gets a page with live progress instead of the 409.",
        params,
        querystring: z.object({ between: z.string().max(200).optional() }),
        response: { 200: z.any(), 202: z.any(), ...failures },
      },
    },
    async (request, reply) => {
      const run = runs.get(request.owner, request.params.id);
      if (run.status !== "done" && /text\/html/.test(request.headers.accept ?? "")) {
        const going = run.status === "queued" || run.status === "running";
        return reply.code(going ? 202 : 200).type("text/html; charset=utf-8").send(progressPage(run));
      }
      return send(reply, run, await download(run, "report", request.query.between), "report");
    },
  );
  app.get("/runs/:id/results.csv", { schema: { tags: ["reports"], params, response: { 200: z.any(), ...failures } } }, serve("csv"));
  app.get("/runs/:id/results.xlsx", { schema: { tags: ["reports"], params, response: { 200: z.any(), ...failures } } }, serve("xlsx"));
  app.get(
    "/runs/:id/results.docx",
    {
      schema: {
        tags: ["reports"],
        description: "A Word annex for a cabinet paper: question, options, summary, tables, charts, assumptions, how to reproduce.",
        params,
        response: { 200: z.any(), ...failures },
      },
    },
    serve("docx"),
  );
};
