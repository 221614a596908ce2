import { dirname, join } from "node:path";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { loadPortfolio, parsePortfolio, resolvePortfolio, runInProcess, runPortfolio, type BlockPartial, type PortfolioExecutor, type PortfolioReport, type PortfolioTask } from "../model/index.ts";
import { runSweep } from "../engine/runner/sweep-queue.ts";
import { HttpError } from "./http-error.ts";
import { errorSchema } from "./schemas.ts";

/**
 * Runs portfolios for the service: the shipped one (portfolios/dfe-trusts.yaml beside scenarios/),
 * or one posted whose members name shipped scenarios by id. On the queue when TRUSTSIM_REDIS_URL is
 * set, else in this process.
 */
export class PortfolioService {
  constructor(
    private readonly scenariosDir: string,
    private readonly maxIterations: number,
  ) {}

  private executor(): PortfolioExecutor {
    const url = process.env.TRUSTSIM_REDIS_URL || undefined;
    return url === undefined ? runInProcess : (tasks, onProgress) => runSweep<PortfolioTask, BlockPartial>(url, tasks, { onProgress });
  }

  private seeds(): string {
    return join(dirname(this.scenariosDir), "seeds");
  }

  private iterations(asked: number | undefined, own: number): number {
    const n = asked ?? own;
    if (n > this.maxIterations) throw new HttpError(400, `iterations: at most ${this.maxIterations} for a portfolio`);
    return n;
  }

  /** The DfE's portfolio as shipped. */
  async shipped(iterations?: number): Promise<PortfolioReport> {
    const loaded = await loadPortfolio(join(dirname(this.scenariosDir), "portfolios", "dfe-trusts.yaml"), this.seeds());
    return runPortfolio(loaded, { iterations: this.iterations(iterations, loaded.portfolio.iterations), execute: this.executor() });
  }

  /** A posted portfolio; each member's `scenario` is a shipped scenario id. */
  async posted(body: unknown, iterations?: number): Promise<PortfolioReport> {
    const portfolio = parsePortfolio(body, "portfolio");
    const bad = portfolio.members.findIndex((m) => !/^[a-z0-9][a-z0-9-]*$/.test(m.scenario));
    if (bad >= 0) throw new HttpError(400, `members[${bad}].scenario: a shipped scenario id (lower-case letters, digits and hyphens)`);
    const members = portfolio.members.map((m) => ({ ...m, scenario: `${m.scenario}.yaml` }));
    const loaded = await resolvePortfolio({ ...portfolio, members }, this.scenariosDir, this.seeds());
    return runPortfolio(loaded, { iterations: this.iterations(iterations, portfolio.iterations), execute: this.executor() });
  }
}

const query = z.object({ iterations: z.coerce.number().int().min(100).optional() });

/** GET /portfolio (the shipped portfolio) and POST /portfolio (a portfolio in the body). */
export const portfolioRoutes: FastifyPluginAsyncZod<{ service: PortfolioService }> = async (app, { service }) => {
  const response = { 200: z.record(z.string(), z.unknown()), 400: errorSchema };
  app.get("/portfolio", { schema: { tags: ["portfolio"], querystring: query, response } }, async (request) => service.shipped(request.query.iterations) as unknown as Record<string, unknown>);
  app.post("/portfolio", { schema: { tags: ["portfolio"], querystring: query, body: z.record(z.string(), z.unknown()), response } }, async (request) =>
    service.posted(request.body, request.query.iterations) as unknown as Record<string, unknown>,
  );
};
