import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { ScenarioError } from "../model/index.ts";
import { ownerFromHeader, type AccessTokens } from "./access-tokens.ts";
import { healthRoutes } from "./health-routes.ts";
import { HttpError } from "./http-error.ts";
import { parseJsonBody } from "./json-body.ts";
import { reportRoutes } from "./report-routes.ts";
import { portfolioRoutes } from "./portfolio-routes.ts";
import { PortfolioService } from "./portfolio-service.ts";
import { RunQueue } from "./run-queue.ts";
import { DEFAULT_QUOTAS, RunQuotas, type QuotaLimits } from "./run-quotas.ts";
import { RunService } from "./run-service.ts";
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
  /** Most runs going at once, whoever owns them; beyond it POST /runs answers 429. */
  maxConcurrentRuns?: number;
  /** Worker threads each run may use. */
  workersPerRun?: number;
  /** A run's wall-clock deadline, ms (default 10 minutes); past it the run is stopped and failed. */
  runDeadlineMs?: number;
  /** Heap a run's thread may use, MB (default 2,048). */
  runMemoryMb?: number;
  /** Per-token quotas and retention. */
  quotas?: Partial<QuotaLimits>;
  /** Bearer tokens; none (the default) means every request is the local owner, for a loopback-only service. */
  tokens?: AccessTokens;
  /** Largest request body, bytes. */
  bodyLimit?: number;
  /** Socket idle timeout, ms (default 30 s). */
  connectionTimeoutMs?: number;
  /** Time to receive a whole request, ms (default 30 s). */
  requestTimeoutMs?: number;
  /** Time to receive the request headers, ms (default 10 s). */
  headersTimeoutMs?: number;
  /** Idle keep-alive socket timeout, ms (default 5 s). */
  keepAliveTimeoutMs?: number;
  /** Most open sockets; beyond it new connections are dropped (default 1,000). */
  maxConnections?: number;
  logger?: boolean;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Whose request this is: the token's owner, or "local" without tokens. */
    owner: string;
  }
}

const STATUS_NAMES: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 409: "Conflict", 413: "Payload Too Large", 429: "Too Many Requests" };

/** Paths anyone may read without a token: health (for load balancers) and the API documentation. */
const isPublic = (url: string) => url === "/health" || url.startsWith("/health?") || url === "/docs" || url.startsWith("/docs/");

/**
 * The whole service as a Fastify instance, ready for inject() or listen(); it never listens
 * itself. Every route validates with zod (fastify-type-provider-zod), and the same schemas
 * produce the OpenAPI document at /docs.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    connectionTimeout: options.connectionTimeoutMs ?? 30_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
    maxRequestsPerSocket: 1_000,
  });
  app.server.headersTimeout = options.headersTimeoutMs ?? 10_000;
  app.server.maxConnections = options.maxConnections ?? 1_000;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  // The published evidence beside the scenarios: runs are conditioned on it, as `trustsim run` does, and reports cite it.
  const seedsDir = seedsDirBeside(options.scenariosDir);
  const store = new RunStore(options.dataDir);
  const queue = new RunQueue(store, {
    maxConcurrent: options.maxConcurrentRuns ?? 2,
    workersPerRun: options.workersPerRun ?? 2,
    deadlineMs: options.runDeadlineMs ?? 600_000,
    memoryMb: options.runMemoryMb ?? 2048,
    seedsDir,
  });
  const quotas = new RunQuotas(store, { ...DEFAULT_QUOTAS, ...options.quotas });
  const catalog = await ScenarioCatalog.load(options.scenariosDir);
  const runs = new RunService(store, queue, catalog, quotas, options.maxIterations ?? 1_000_000);
  queue.onFinished((id) => runs.retain(id));
  const reports = new ReportService(store, catalog, seedsDir);
  app.addHook("onClose", async () => {
    await queue.close();
    store.close();
  });
  app.decorate("runQueue", queue);
  app.decorate("runStore", store);

  const tokens = options.tokens ?? new Map<string, string>();
  app.decorateRequest("owner", "");
  app.addHook("onRequest", async (request, reply) => {
    const found = ownerFromHeader(tokens, request.headers.authorization);
    if ("owner" in found) {
      request.owner = found.owner;
      return;
    }
    if (isPublic(request.url)) return;
    return reply.code(401).header("www-authenticate", 'Bearer realm="trustsim"').send({ statusCode: 401, error: "Unauthorized", message: found.error });
  });

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
      return reply.code(400).send({ statusCode: 400, error: "Bad Request", message: error.message.slice(0, 4000), problems: error.problems });
    }
    if (error instanceof HttpError) {
      reply.headers(error.headers);
      return reply.code(error.statusCode).send({ statusCode: error.statusCode, error: STATUS_NAMES[error.statusCode] ?? "Bad Request", message: error.message });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ statusCode: status, error: STATUS_NAMES[status] ?? "Bad Request", message: String(error.message).slice(0, 500) });
    }
    request.log.error(error);
    return reply.code(500).send({ statusCode: 500, error: "Internal Server Error", message: "internal error; the run history is unaffected" });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: "Not Found", message: `no route ${request.method} ${request.url.split("?")[0].slice(0, 200)}` }),
  );

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "trustsim", description: "Children's services delivery-model simulator", version: VERSION },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });

  await app.register(healthRoutes, { queue });
  await app.register(scenariosRoutes, { catalog });
  await app.register(runsRoutes, { store, runs });
  await app.register(reportRoutes, { store, runs, reports });
  await app.register(webRoutes, { store, catalog, runs, reports, maxIterations: options.maxIterations ?? 1_000_000 });
  await app.register(portfolioRoutes, { service: new PortfolioService(options.scenariosDir, Math.min(options.maxIterations ?? 1_000_000, 100_000)) });
  return app;
}
