import { z } from "zod";

/**
 * A published figure a scenario conditions on: a seeds/ record and the option, year and output it
 * measures. Its uncertainty follows the record's basis (an audited outturn is tighter than an
 * in-year forecast) unless `sdShareOfBudget` says otherwise.
 */
export const evidenceItemSchema = z.strictObject({
  record: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a seeds/ record id"),
  option: z.string().min(1),
  /** Financial year by its starting calendar year (2023 = 2023-24). */
  year: z.number().int(),
  output: z.enum(["overspend", "operating", "budget", "reserves"]).describe("The simulated line the record measures."),
  /** Compare with minus the published figure (a published deficit against simulated reserves). */
  negate: z.boolean().default(false),
  /** Standard deviation of the published figure's error, as a share of that year's budget. */
  sdShareOfBudget: z.number().positive().max(1).optional(),
  note: z.string().optional(),
});

export type EvidenceItem = z.output<typeof evidenceItemSchema>;
