import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { HttpError } from "./http-error.ts";
import type { ScenarioCatalog } from "./scenario-catalog.ts";
import { errorSchema, scenarioSummarySchema, slugSchema } from "./schemas.ts";

/** GET /scenarios and /scenarios/:id: the scenarios shipped in scenarios/. */
export const scenariosRoutes: FastifyPluginAsyncZod<{ catalog: ScenarioCatalog }> = async (app, { catalog }) => {
  app.get("/scenarios", { schema: { tags: ["scenarios"], response: { 200: z.array(scenarioSummarySchema) } } }, async () => catalog.list());

  app.get(
    "/scenarios/:id",
    {
      schema: {
        tags: ["scenarios"],
        params: z.object({ id: slugSchema }),
        response: { 200: z.record(z.string(), z.unknown()), 404: errorSchema },
      },
    },
    async (request) => {
      const scenario = catalog.get(request.params.id);
      if (scenario === null) throw new HttpError(404, `no scenario with id '${request.params.id}'`);
      return scenario;
    },
  );
};
