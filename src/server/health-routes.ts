import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RunQueue } from "./run-queue.ts";
import { healthSchema } from "./schemas.ts";
import { VERSION } from "./version.ts";

/** GET /health: answers at once, whatever runs are going. */
export const healthRoutes: FastifyPluginAsyncZod<{ queue: RunQueue }> = async (app, { queue }) => {
  app.get("/health", { schema: { tags: ["health"], response: { 200: healthSchema } } }, async () => ({
    status: "ok" as const,
    runsRunning: queue.running,
    version: VERSION,
  }));
};
