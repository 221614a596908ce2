import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { ScenarioError } from "../model/index.ts";
import { healthRoutes } from "./health-routes.ts";
import { HttpError } from "./http-error.ts";
import { reportRoutes } from "./report-routes.ts";
import { PortfolioService, portfolioRoutes } from "./portfolio-routes.ts";
import { RunQueue } from "./run-queue.ts";
import { RunStore } from "./run-store.ts";
import { runsRoutes } from "./runs-routes.ts";
import { ScenarioCatalog } from "./scenario-catalog.ts";
import { scenariosRoutes } from "./scenarios-routes.ts";
import { VERSION } from "./version.ts";
import { ReportService, seedsDirBeside } from "./web/report-service.ts";
import { webRoutes } from "./web/web-routes.ts";

export interface AppOptions {
  dataDir: string;
  scenariosDir: string;
  /** Most iterations one run may ask for. */
  maxIterations?: number;
  /** Most runs going at once; beyond it POST /runs answers 429. */
  maxConcurrentRuns?: number;
  /** Worker threads each run may use. */
  workersPerRun?: number;
  /** Largest request body, bytes. */
  bodyLimit?: number;
  logger?: boolean;
}

/**
 * The whole service as a Fastify instance, ready for inject() or listen(); it never listens
 * itself. Every route validates with zod (fastify-type-provider-zod), and the same schemas
 * produce the OpenAPI document at /docs.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 1_048_576 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const store = new RunStore(options.dataDir);
  const queue = new RunQueue(store, options.maxConcurrentRuns ?? 2, options.workersPerRun ?? 2);
  const catalog = await ScenarioCatalog.load(options.scenariosDir);
  app.addHook("onClose", async () => {
    await queue.close();
    store.close();
  });
  app.decorate("runQueue", queue);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((v) => ({
        path: [error.validationContext, ...String(v.instancePath).split("/").filter(Boolean)].join("."),
        message: v.message ?? "invalid",
      }));
      return reply.code(400).send({
        statusCode: 400,
        error: "Bad Request",
        message: problems.map((p) => `${p.path}: ${p.message}`).join("; "),
        problems,
      });
    }
    if (error instanceof ScenarioError) {
      return reply.code(400).send({ statusCode: 400, error: "Bad Request", message: error.message, problems: error.problems });
    }
    if (error instanceof HttpError) {
      reply.headers(error.headers);
      const name = error.statusCode === 404 ? "Not Found" : error.statusCode === 409 ? "Conflict" : error.statusCode === 429 ? "Too Many Requests" : "Bad Request";
      return reply.code(error.statusCode).send({ statusCode: error.statusCode, error: name, message: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ statusCode: status, error: error.name ?? "Bad Request", message: error.message });
    }
    request.log.error(error);
    return reply.code(500).send({ statusCode: 500, error: "Internal Server Error", message: "internal error; the run history is unaffected" });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: "Not Found", message: `no route ${request.method} ${request.url.split("?")[0]}` }),
  );

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "trustsim", description: "Children's services delivery-model simulator", version: VERSION },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });

  await app.register(healthRoutes, { queue });
  await app.register(scenariosRoutes, { catalog });
  await app.register(runsRoutes, { store, queue, catalog, maxIterations: options.maxIterations ?? 1_000_000 });
  const reports = new ReportService(store, catalog, seedsDirBeside(options.scenariosDir));
  await app.register(reportRoutes, { store, reports });
  await app.register(webRoutes, { store, catalog, reports, maxIterations: options.maxIterations ?? 1_000_000 });
  await app.register(portfolioRoutes, { service: new PortfolioService(options.scenariosDir, Math.min(options.maxIterations ?? 1_000_000, 100_000)) });
  return app;
}
