import { z } from "zod";

/** Shared route schemas: fastify validates with them and @fastify/swagger documents them. */
export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected lower-case letters, digits and hyphens").max(80);

export const errorSchema = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  problems: z.array(z.object({ path: z.string(), message: z.string(), line: z.number().optional(), column: z.number().optional() })).optional(),
});

export const healthSchema = z.object({ status: z.literal("ok"), runsRunning: z.number(), version: z.string() });

export const scenarioSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  area: z.string(),
  illustrative: z.boolean(),
  options: z.array(z.string()),
  years: z.string(),
});

export const runRequestSchema = z
  .strictObject({
    /** A scenario in scenarios/ by id ... */
    scenarioId: slugSchema.optional(),
    /** ... or a whole scenario inline (validated as a scenario file is). */
    scenario: z.record(z.string(), z.unknown()).optional(),
    iterations: z.number().int().min(1).optional(),
    seed: z.string().min(1).max(200).optional(),
    /** Single parameters to replace, by dotted path: {"baseline.workforce.agencyShare": 0.3}. */
    overrides: z.record(z.string().max(300), z.unknown()).optional(),
  })
  .refine((b) => (b.scenarioId === undefined) !== (b.scenario === undefined), {
    message: "expected exactly one of scenarioId and scenario",
    path: ["scenarioId"],
  });

export const runRecordSchema = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "done", "failed", "cancelled"]),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  iterations: z.number(),
  seed: z.string(),
  progress: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  error: z.string().nullable(),
  links: z.record(z.string(), z.string()),
});

/** One thing a careful reader would query in a scenario (a warning), or wrong with it. */
export const problemSchema = z.object({ path: z.string(), message: z.string(), line: z.number().optional(), column: z.number().optional() });

/** POST /runs: the run started, and what a careful reader would query in its scenario. */
export const runAcceptedSchema = runRecordSchema.extend({ warnings: z.array(problemSchema) });

export const runWithResultsSchema = runRecordSchema.extend({
  /** The same JSON as `trustsim run --format json`, once the run is done. */
  results: z.unknown().optional(),
});

export const runListQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const runListSchema = z.object({
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  runs: z.array(runRecordSchema),
});
