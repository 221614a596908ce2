import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { PortfolioOutcome, PortfolioService } from "./portfolio-service.ts";
import { errorSchema } from "./schemas.ts";

const query = z.object({ iterations: z.coerce.number().int().min(100).optional() });

/** The shipped portfolio's page or a download, as built with its run. */
function sendArtifact(reply: FastifyReply, outcome: PortfolioOutcome, kind: "html" | "csv" | "xlsx") {
  const a = outcome.artifacts!;
  const name = `${outcome.report.portfolio.id}-${outcome.report.portfolio.iterations}`;
  if (kind === "html") return reply.type("text/html; charset=utf-8").send(a.html);
  if (kind === "csv") return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}.csv"`).send(a.csv);
  return reply
    .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header("content-disposition", `attachment; filename="${name}.xlsx"`)
    .send(Buffer.from(a.xlsx.buffer, a.xlsx.byteOffset, a.xlsx.byteLength));
}

/**
 * GET /portfolio (the shipped portfolio, JSON), its page /portfolio/report and downloads
 * /portfolio/results.csv and .xlsx (one run per iterations, kept), and POST /portfolio (a portfolio
 * in the body). Every run is in a worker thread: the request thread only waits.
 */
export const portfolioRoutes: FastifyPluginAsyncZod<{ service: PortfolioService }> = async (app, { service }) => {
  const response = { 200: z.record(z.string(), z.unknown()), 400: errorSchema, 429: errorSchema };
  const file = { 200: z.any(), 400: errorSchema, 429: errorSchema };
  app.get("/portfolio", { schema: { tags: ["portfolio"], querystring: query, response } }, async (request) => (await service.shipped(request.query.iterations)).report as unknown as Record<string, unknown>);
  app.get(
    "/portfolio/report",
    { schema: { tags: ["pages"], description: "The DfE's portfolio as a page: failures by year, who fails first, response plans, reserves sustainability.", querystring: query, response: file } },
    async (request, reply) => sendArtifact(reply, await service.shipped(request.query.iterations), "html"),
  );
  app.get("/portfolio/results.csv", { schema: { tags: ["portfolio"], querystring: query, response: file } }, async (request, reply) => sendArtifact(reply, await service.shipped(request.query.iterations), "csv"));
  app.get("/portfolio/results.xlsx", { schema: { tags: ["portfolio"], querystring: query, response: file } }, async (request, reply) => sendArtifact(reply, await service.shipped(request.query.iterations), "xlsx"));
  app.post("/portfolio", { schema: { tags: ["portfolio"], querystring: query, body: z.record(z.string(), z.unknown()), response } }, async (request) =>
    (await service.posted(request.body, request.query.iterations)) as unknown as Record<string, unknown>,
  );
};
